using MassTransit;

namespace Intake.Api.Records;

/// <summary>The escalation record (SPEC §3): one row per case, owned by intake. It is also the lifecycle saga's
/// instance (the correlation id is the escalation id, the saga state is the status), so API commands and bus
/// events change the same row under the same optimistic concurrency (xmin, also the ETag).</summary>
public sealed class EscalationRecord : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public required string TenantId { get; init; }

    public required long Number { get; init; }

    public required string Key { get; init; }

    /// <summary>portal, partner, pagerduty-events or alertmanager.</summary>
    public required string Source { get; init; }

    public string? ExternalReference { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Who handed the case in: a person's id, or "key:{id}" for a partner credential. Idempotency and
    /// deduplication keys are that credential's own.</summary>
    public required string SubmittedById { get; init; }

    /// <summary>For escalations a monitoring source raised: its deduplication key (PagerDuty's dedup_key,
    /// Alertmanager's group key). One open escalation per source and key.</summary>
    public string? DedupKey { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The status (an EscalationStatus name), which is also the saga's state.</summary>
    public string CurrentState { get; set; } = null!;

    // Facts: the whole CaseFacts as JSON, with the fields queues filter on kept as columns.
    public required string Facts { get; set; }

    public required string IssueType { get; init; }

    public required string CustomerId { get; init; }

    public required string CustomerName { get; init; }

    public required string CustomerTier { get; init; }

    // Triage's decision.
    public int? Severity { get; set; }

    /// <summary>JSON list of the rules that decided the severity.</summary>
    public string Rules { get; set; } = "[]";

    /// <summary>JSON list of the facts the context checklist still misses.</summary>
    public string MissingFacts { get; set; } = "[]";

    public bool HandoffIncomplete { get; set; }

    public int? MatrixVersion { get; set; }

    // Ownership: the owner stays owner until a handoff is accepted; the offer says who is asked to accept.
    public string? TeamId { get; set; }

    public string? TeamName { get; set; }

    public string? OwnerId { get; set; }

    public string? OwnerName { get; set; }

    public string? BackupId { get; set; }

    public string? BackupName { get; set; }

    /// <summary>The lead of the owning team, who may act on the case like its owner.</summary>
    public string? TeamLeadId { get; set; }

    public string? OfferedToId { get; set; }

    public string? OfferedToName { get; set; }

    /// <summary>owner, backup or team-lead: how far up the escalation policy the offer went.</summary>
    public string? OfferLevel { get; set; }

    public DateTime? RespondBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    // SLA and outcome.
    public bool Breached { get; set; }

    /// <summary>When the sla service started the clocks (its first commitment to the customer).</summary>
    public DateTime? ClocksStartedAt { get; set; }

    /// <summary>The "next update by" time last promised to the customer, as the sla service announced it.</summary>
    public DateTime? NextUpdateDue { get; set; }

    /// <summary>When sla made that promise: an older announcement, redelivered late, does not replace it.</summary>
    public DateTime? CommitmentAt { get; set; }

    /// <summary>JSON: kind (fix or workaround), summary, root cause.</summary>
    public string? Resolution { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? AutoCloseAt { get; set; }

    public Guid? AutoCloseTokenId { get; set; }

    public DateTime? ClosedAt { get; set; }

    public required DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public uint RowVersion { get; set; }
}
