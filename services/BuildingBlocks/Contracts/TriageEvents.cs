namespace EscalationPlatform.Contracts;

public enum AssessmentOutcome
{
    /// <summary>Severity decided and the case is complete enough to route (or S1, routed regardless).</summary>
    Triaged,

    /// <summary>Facts required for this issue type are missing: frontline is asked for them.</summary>
    NeedsInformation,

    /// <summary>An S3 or S4 case that a known error with a workaround matches strongly: it goes back to the frontline
    /// with the workaround instead of to an expert team (added).</summary>
    Deflected,
}

public sealed record FiredRule(string Id, Severity Severity, string Description);

public sealed record MissingFact(string Id, string Description);

/// <summary>A known error that matches a case: its article, how well it matches (0 to 1) and why, in words.</summary>
public sealed record KnownErrorSuggestion(string ArticleId, string Title, double Score, IReadOnlyList<string> Reasons);

/// <summary>Why a case went back to the frontline: the known error it matched, how well, and the workaround to give the
/// customer.</summary>
public sealed record CaseDeflection(string ArticleId, string Title, double Score, string Workaround, string Why);

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

    /// <summary>The known errors that match the case best, strongest first (added; older senders leave it empty).</summary>
    public IReadOnlyList<KnownErrorSuggestion> Suggestions { get; init; } = [];

    /// <summary>Set when <see cref="Outcome"/> is <see cref="AssessmentOutcome.Deflected"/>: the known error given back.</summary>
    public CaseDeflection? Deflection { get; init; }
}
