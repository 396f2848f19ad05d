namespace EscalationPlatform.Contracts;

public enum AssessmentOutcome
{
    /// <summary>Severity decided and the case is complete enough to route (or S1, routed regardless).</summary>
    Triaged,

    /// <summary>Facts required for this issue type are missing: frontline is asked for them.</summary>
    NeedsInformation,
}

public sealed record FiredRule(string Id, Severity Severity, string Description);

public sealed record MissingFact(string Id, string Description);

/// <summary>Triage's decision on a case, with the rules that decided it.</summary>
public sealed record EscalationAssessed
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required Severity Severity { get; init; }

    public required IReadOnlyList<FiredRule> Rules { get; init; }

    public required IReadOnlyList<MissingFact> MissingFacts { get; init; }

    public required AssessmentOutcome Outcome { get; init; }

    /// <summary>S1 with facts missing: routed at once, flagged so the owner knows to ask.</summary>
    public bool HandoffIncomplete { get; init; }

    public required int MatrixVersion { get; init; }

    public required DateTimeOffset AssessedAt { get; init; }

    /// <summary>Facts about the case that are not severity rules and never change the severity, for the people on it
    /// ("the customer escalates repeatedly") (added; older senders leave it empty).</summary>
    public IReadOnlyList<string> Signals { get; init; } = [];
}
