using EscalationPlatform.Contracts;

namespace Triage.Domain;

public sealed record MatrixRule(string Id, Severity Severity, string Description, Condition When);

public sealed record MatrixDecision(Severity Severity, IReadOnlyList<MatrixRule> Fired);

/// <summary>Severity from impact x urgency x customer tier x risk, as data: every rule whose condition holds
/// fires, and the most severe of them decides. Each decision lists the rules that fired.</summary>
public sealed record EscalationMatrix(int Version, IReadOnlyList<MatrixRule> Rules)
{
    /// <summary>What a matrix decides when none of its rules fires (a matrix normally ends with a catch-all).</summary>
    public const Severity Fallback = Severity.S4;

    public MatrixDecision Evaluate(FactSheet facts)
    {
        var fired = Rules.Where(rule => rule.When.Holds(facts)).ToList();
        return new(fired.Count == 0 ? Fallback : fired.Min(rule => rule.Severity), fired);
    }
}
