using EscalationPlatform.Contracts;

namespace Insights.Domain;

/// <summary>What one escalation's history says about how it was handled: the facts every insight counts. Times are
/// wall-clock; an SLA clock's outcome is sla's own (its business hours, pauses and re-derivation after a severity
/// change included).</summary>
public sealed record CaseSummary
{
    public required EscalationSnapshot Record { get; init; }

    public required bool Open { get; init; }

    /// <summary>When the case entered the status it is in now.</summary>
    public required DateTimeOffset StatusSince { get; init; }

    public DateTimeOffset? FirstOfferedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The last time it was resolved (a reopened case may be resolved more than once).</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Offered to acknowledged (MTTA counts these).</summary>
    public TimeSpan? TimeToAcknowledge { get; init; }

    /// <summary>Submitted to the first response the first-response clock counted.</summary>
    public TimeSpan? TimeToFirstResponse { get; init; }

    /// <summary>Submitted to resolved, for a case resolved or closed now.</summary>
    public TimeSpan? TimeToResolution { get; init; }

    /// <summary><see cref="TimeToResolution"/> without the time spent waiting on the customer.</summary>
    public TimeSpan? TimeToResolutionWorking { get; init; }

    public bool EverResolved { get; init; }

    public int Reopens { get; init; }

    public required ClockResult FirstResponse { get; init; }

    public required ClockResult CustomerUpdate { get; init; }

    public required ClockResult Resolution { get; init; }

    /// <summary>Time spent in each status the case has left (the current one counts from <see cref="StatusSince"/>).</summary>
    public required IReadOnlyDictionary<EscalationStatus, TimeSpan> TimeInStatus { get; init; }

    public int HandoffsRequested { get; init; }

    /// <summary>How many times ownership moved to another team or person by an accepted handoff.</summary>
    public int HandoffsAccepted { get; init; }

    /// <summary>Total time handoffs waited for an answer (accepted, rejected or unanswered), and how many were answered.</summary>
    public TimeSpan HandoffWait { get; init; }

    public int HandoffsAnswered { get; init; }

    /// <summary>The teams that received the case by accepted handoffs, in order.</summary>
    public required IReadOnlyList<TeamRef> HandoffTeams { get; init; }

    /// <summary>The last thing a person or partner did on the case (an action, an update, a move), or its submission.</summary>
    public required DateTimeOffset LastActivityAt { get; init; }

    public required IReadOnlyList<string> TooEarly { get; init; }

    public required IReadOnlyList<string> TooLate { get; init; }

    /// <summary>The first error message, masked (<see cref="EscalationPlatform.Contracts.ErrorSignature"/>).</summary>
    public string? ErrorSignature { get; init; }

    /// <summary>The customer update cadence, when the case has one; else the tenant's stall window applies.</summary>
    public TimeSpan? UpdateCadence => CustomerUpdate.Target;

    public bool Bouncing(InsightSettings settings) => HandoffsAccepted > settings.BounceAfter;

    /// <summary>Stalled now: owned (offered, acknowledged, in progress or reopened) and nobody acted on it or updated the
    /// customer within its update cadence (or the tenant's stall window when it has none).</summary>
    public bool StalledAt(DateTimeOffset now, InsightSettings settings) =>
        StallStatuses.Contains(Record.Status) && now - LastActivityAt > (UpdateCadence ?? settings.StallAfter);

    public static readonly IReadOnlySet<EscalationStatus> StallStatuses = new HashSet<EscalationStatus>
    {
        EscalationStatus.Assigned, EscalationStatus.Acknowledged, EscalationStatus.InProgress, EscalationStatus.Reopened,
    };
}
