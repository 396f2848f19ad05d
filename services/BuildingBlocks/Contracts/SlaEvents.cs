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

/// <summary>One SLA clock as sla derived it when it announced it: only what the passage of time leaves as it is. A clock
/// that was running with its due time now past has breached at that due time, and a reader may say so; how much of
/// the target has elapsed is sla's to report (gRPC GetStatus).</summary>
public sealed record SlaClock(
    ClockKind Kind,
    ClockState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? DueAt,
    TimeSpan Target,
    DateTimeOffset? MetAt,
    DateTimeOffset? BreachedAt,
    CalendarKind Calendar);

/// <summary>What the customer has been promised, after a change: the status and the "next update by" time, and the
/// clocks behind the promise. Announced whenever a clock starts, pauses, resumes, is met, stops or reopens (each is a
/// change of the commitment or of the status the customer sees); a breach is announced by
/// <see cref="SlaThresholdReached"/> alone, since it is what time does to a running clock.</summary>
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
    /// <summary>Every clock of the escalation as of <see cref="At"/>; null from a sla that did not send them.</summary>
    public IReadOnlyList<SlaClock>? Clocks { get; init; }

    /// <summary>Whether a clock had breached by <see cref="At"/>.</summary>
    public bool Breached { get; init; }
}

/// <summary>One clock whose due time a new SLA policy moved.</summary>
public sealed record SlaClockChange(ClockKind Clock, DateTimeOffset? DueBefore, DateTimeOffset? DueAfter);

/// <summary>A newly published SLA policy (or a roll back) moved the due times of an escalation's running clocks: which,
/// from when to when, and why (the version, who published it and what they said). Each affected escalation gets one;
/// thresholds the new times make due are announced by <see cref="SlaThresholdReached"/> as usual, once.</summary>
public sealed record SlaTargetsChanged
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required int PolicyVersion { get; init; }

    public required string PublishedBy { get; init; }

    public string? Reason { get; init; }

    public required IReadOnlyList<SlaClockChange> Changes { get; init; }

    /// <summary>The clocks as they stand now, under the new policy.</summary>
    public required IReadOnlyList<SlaClock> Clocks { get; init; }

    public DateTimeOffset? NextUpdateDue { get; init; }

    public required DateTimeOffset At { get; init; }
}
