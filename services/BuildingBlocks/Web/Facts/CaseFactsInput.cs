using EscalationPlatform.Contracts;

namespace EscalationPlatform.Web.Facts;

/// <summary>Case facts as the REST APIs accept them (submission, triage preview): everything optional at the
/// type level so that validation can name every missing or wrong field at once.</summary>
public record CaseFactsInput
{
    public IssueType? IssueType { get; init; }

    public string? ProductArea { get; init; }

    public string? Release { get; init; }

    public CustomerInput? Customer { get; init; }

    /// <summary>The impact as the facts hold it: every part optional already.</summary>
    public ImpactFacts? Impact { get; init; }

    public UrgencyInput? Urgency { get; init; }

    public Sentiment? Sentiment { get; init; }

    public ContextInput? Context { get; init; }

    public IReadOnlyList<string>? ActionsTaken { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }
}

public sealed record CustomerInput
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public CustomerTier? Tier { get; init; }

    public bool? ContractualSla { get; init; }

    public string? TimeZone { get; init; }

    public string? ContactEmail { get; init; }
}

public sealed record UrgencyInput
{
    public bool? WorkaroundAvailable { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public bool? Outage { get; init; }

    public bool? SecurityExposure { get; init; }

    public bool? DataExposure { get; init; }

    public bool? ComplianceRisk { get; init; }

    public bool? PaymentAffected { get; init; }
}

public sealed record ContextInput
{
    public IReadOnlyList<string>? ErrorMessages { get; init; }

    public IReadOnlyList<string>? LogLinks { get; init; }

    public IReadOnlyList<string>? ScreenshotLinks { get; init; }

    public IReadOnlyList<string>? AccountIds { get; init; }

    public string? ReproductionSteps { get; init; }

    public IReadOnlyList<string>? AffectedServices { get; init; }

    public DateTimeOffset? FirstSeenAt { get; init; }

    public string? RecentChanges { get; init; }

    public string? Attempted { get; init; }

    public bool? MfaInvolved { get; init; }

    public string? InvoiceOrTransactionId { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public IReadOnlyList<string>? AffectedAccounts { get; init; }

    public string? Observed { get; init; }

    public DateTimeOffset? DetectedAt { get; init; }

    public string? CounterpartyOrDocument { get; init; }
}
