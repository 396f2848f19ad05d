namespace EscalationPlatform.Contracts;

/// <summary>One case linked to a problem record, as those told about the problem see it.</summary>
public sealed record ProblemCase(Guid EscalationId, string Key, string Title);

/// <summary>Escalations sharing an error, a release or a product area reached the tenant's pattern rule: a problem
/// record was raised for them. Leadership is told once per problem (the problem's id is the notice's key).</summary>
public sealed record ProblemRaised
{
    public required Guid ProblemId { get; init; }

    public required string TenantId { get; init; }

    public required string Title { get; init; }

    /// <summary>What the cases share, in words ("the error message ...", "release 4.2", "product area billing").</summary>
    public required string Shared { get; init; }

    /// <summary>The cases that made the pattern, oldest first.</summary>
    public required IReadOnlyList<ProblemCase> Cases { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>A fixed problem was closed and whoever closed it chose to tell the customers of its linked cases that the
/// fix is out.</summary>
public sealed record ProblemFixAnnounced
{
    public required Guid ProblemId { get; init; }

    public required string TenantId { get; init; }

    public required string Title { get; init; }

    /// <summary>The version or change that has the fix.</summary>
    public required string FixedIn { get; init; }

    public string? Note { get; init; }

    public required IReadOnlyList<ProblemCase> Cases { get; init; }

    public required DateTimeOffset At { get; init; }
}
