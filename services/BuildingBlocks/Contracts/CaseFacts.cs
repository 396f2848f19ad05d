namespace EscalationPlatform.Contracts;

/// <summary>What is known about a case: everything triage decides on and routing and SLA need.</summary>
public sealed record CaseFacts
{
    public required IssueType IssueType { get; init; }

    public string? ProductArea { get; init; }

    /// <summary>The release or version of the product the customer runs ("4.2.1"): problems and changes are correlated by it
    /// (added; older senders leave it null).</summary>
    public string? Release { get; init; }

    public required CustomerFacts Customer { get; init; }

    public required ImpactFacts Impact { get; init; }

    public required UrgencyFacts Urgency { get; init; }

    public Sentiment? Sentiment { get; init; }

    public required ContextFacts Context { get; init; }

    public IReadOnlyList<string> ActionsTaken { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required DateTimeOffset SubmittedAt { get; init; }
}

public sealed record CustomerFacts
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required CustomerTier Tier { get; init; }

    public bool ContractualSla { get; init; }

    /// <summary>IANA time zone, for example Europe/Berlin.</summary>
    public required string TimeZone { get; init; }

    public string? ContactEmail { get; init; }

    /// <summary>The addresses of the tenant's people who look after the customer: from the customer directory only,
    /// never from a submission (added; older senders leave it empty).</summary>
    public IReadOnlyList<string> AccountTeam { get; init; } = [];
}

/// <summary>Who the customer is and how to reach them: what an event carries so that its receiver can address and
/// word a message without the case's facts.</summary>
public sealed record CustomerRef(string Id, string Name, string? ContactEmail, string TimeZone)
{
    /// <summary>The customer's tier (added; older senders leave it null).</summary>
    public CustomerTier? Tier { get; init; }

    /// <summary>The directory's account team of the customer, by address (added; older senders leave it empty).</summary>
    public IReadOnlyList<string> AccountTeam { get; init; } = [];

    public static CustomerRef Of(CustomerFacts customer) =>
        new(customer.Id, customer.Name, customer.ContactEmail, customer.TimeZone) { Tier = customer.Tier, AccountTeam = customer.AccountTeam };
}

public sealed record ImpactFacts
{
    public ImpactScope? Scope { get; init; }

    public int? AffectedCount { get; init; }

    public string? BusinessImpact { get; init; }
}

public sealed record UrgencyFacts
{
    public bool? WorkaroundAvailable { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public bool Outage { get; init; }

    public bool SecurityExposure { get; init; }

    public bool DataExposure { get; init; }

    public bool ComplianceRisk { get; init; }

    /// <summary>The customer cannot pay or be paid (SPEC §4: "billing that affects payment").</summary>
    public bool PaymentAffected { get; init; }
}

/// <summary>The facts frontline gathered; which of them are required depends on the issue type.</summary>
public sealed record ContextFacts
{
    public IReadOnlyList<string> ErrorMessages { get; init; } = [];

    public IReadOnlyList<string> LogLinks { get; init; } = [];

    public IReadOnlyList<string> ScreenshotLinks { get; init; } = [];

    public IReadOnlyList<string> AccountIds { get; init; } = [];

    public string? ReproductionSteps { get; init; }

    public IReadOnlyList<string> AffectedServices { get; init; } = [];

    public DateTimeOffset? FirstSeenAt { get; init; }

    public string? RecentChanges { get; init; }

    public string? Attempted { get; init; }

    public bool? MfaInvolved { get; init; }

    public string? InvoiceOrTransactionId { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public IReadOnlyList<string> AffectedAccounts { get; init; } = [];

    public string? Observed { get; init; }

    public DateTimeOffset? DetectedAt { get; init; }

    public string? CounterpartyOrDocument { get; init; }
}
