namespace EscalationPlatform.Contracts;

/// <summary>A clock reached a warning threshold or its target.</summary>
public sealed record SlaThresholdReached
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required ClockKind Clock { get; init; }

    public required ThresholdKind Threshold { get; init; }

    public required int PercentElapsed { get; init; }

    public required Severity Severity { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required DateTimeOffset ReachedAt { get; init; }

    /// <summary>Set when the service was down at the threshold and announces it on recovery.</summary>
    public TimeSpan? AnnouncedLateBy { get; init; }
}

/// <summary>What the customer has been promised, after a change: the status and the "next update by" time.</summary>
public sealed record CustomerCommitmentUpdated
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required EscalationStatus Status { get; init; }

    public DateTimeOffset? NextUpdateDue { get; init; }

    public DateTimeOffset? ResolutionDue { get; init; }

    public string? Message { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The escalation's key, title, customer and severity, so that the customer can be written to by a
    /// service that never saw the triage (added; older senders leave them null).</summary>
    public string? Key { get; init; }

    public string? Title { get; init; }

    public CustomerRef? Customer { get; init; }

    public Severity? Severity { get; init; }
}
