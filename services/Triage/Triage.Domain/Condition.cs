namespace Triage.Domain;

/// <summary>When a matrix rule fires. Conditions are data (stored as JSON with the matrix), built from a few
/// forms: all/any/not of other conditions, and tests of one fact. A test of an unknown fact is false.</summary>
public abstract record Condition
{
    public abstract bool Holds(FactSheet facts);

    /// <summary>The facts this condition reads, to validate a matrix before it is saved.</summary>
    public abstract IEnumerable<string> Facts();
}

public sealed record AllOf(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Holds(FactSheet facts) => Conditions.All(condition => condition.Holds(facts));

    public override IEnumerable<string> Facts() => Conditions.SelectMany(condition => condition.Facts());
}

public sealed record AnyOf(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Holds(FactSheet facts) => Conditions.Any(condition => condition.Holds(facts));

    public override IEnumerable<string> Facts() => Conditions.SelectMany(condition => condition.Facts());
}

public sealed record Not(Condition Condition) : Condition
{
    public override bool Holds(FactSheet facts) => !Condition.Holds(facts);

    public override IEnumerable<string> Facts() => Condition.Facts();
}

/// <summary>Always true: the last rule of a matrix, for what no other rule covers.</summary>
public sealed record Always : Condition
{
    public override bool Holds(FactSheet facts) => true;

    public override IEnumerable<string> Facts() => [];
}

/// <summary>The fact has exactly this boolean value (unknown is neither true nor false).</summary>
public sealed record FactIs(string Fact, bool Value) : Condition
{
    public override bool Holds(FactSheet facts) => facts[Fact] is bool value && value == Value;

    public override IEnumerable<string> Facts() => [Fact];
}

/// <summary>The fact is one of these values.</summary>
public sealed record FactIn(string Fact, IReadOnlyList<string> Values) : Condition
{
    public override bool Holds(FactSheet facts) => facts[Fact] is string value && Values.Contains(value, StringComparer.OrdinalIgnoreCase);

    public override IEnumerable<string> Facts() => [Fact];
}

/// <summary>The fact is a number no greater than this.</summary>
public sealed record FactAtMost(string Fact, double Limit) : Condition
{
    public override bool Holds(FactSheet facts) => facts[Fact] is double value && value <= Limit;

    public override IEnumerable<string> Facts() => [Fact];
}

/// <summary>The fact is a number no less than this.</summary>
public sealed record FactAtLeast(string Fact, double Limit) : Condition
{
    public override bool Holds(FactSheet facts) => facts[Fact] is double value && value >= Limit;

    public override IEnumerable<string> Facts() => [Fact];
}
