using EscalationPlatform.Contracts;
using MassTransit;

namespace Sla.Api.Clocks;

/// <summary>The clocks of one escalation, as the history they are derived from (see Sla.Domain.ClockEngine), the
/// thresholds already announced, and the one timer that wakes the keeper at the next threshold.</summary>
public sealed class ClocksState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = null!;

    public string TenantId { get; set; } = null!;

    public string Key { get; set; } = null!;

    /// <summary>The escalation's title and customer, from the triage: the commitment carries them (with the key,
    /// severity and time zone), so that the customer can be written to by a service that never saw the triage (null on
    /// clocks started before they were kept).</summary>
    public string? Title { get; set; }

    public string? CustomerId { get; set; }

    public string? CustomerName { get; set; }

    public string? CustomerEmail { get; set; }

    public int Severity { get; set; }

    public CustomerTier Tier { get; set; }

    /// <summary>The customer has a contractual SLA (the directory says so): the policy's contract targets apply.</summary>
    public bool ContractualSla { get; set; }

    public string TimeZone { get; set; } = null!;

    /// <summary>The time zone of the team the escalation is offered to (null until routing names one): a calendar of
    /// the policy may count in it.</summary>
    public string? TeamTimeZone { get; set; }

    /// <summary>The escalation's status, as last reported by intake.</summary>
    public EscalationStatus Status { get; set; }

    /// <summary>When that status was reached: a report of an earlier change, redelivered late (after a crash, out of
    /// the order intake published it in), is ignored instead of turning the status back.</summary>
    public DateTime? StatusAt { get; set; }

    /// <summary>What happened to the escalation, in order (a JSON column).</summary>
    public List<ClockHistoryEntry> History { get; set; } = [];

    /// <summary>Threshold keys already announced ("FirstResponse:0:75").</summary>
    public string[] Announced { get; set; } = [];

    public DateTime? NextEvaluationAt { get; set; }

    /// <summary>The last CustomerCommitmentUpdated announced (none yet: null): the status as the customer sees it
    /// (Sla.Domain.AnnouncedCommitment), and its promise.</summary>
    public EscalationStatus? CommittedStatus { get; set; }

    public DateTime? CommittedNextUpdateDue { get; set; }

    public DateTime? CommittedResolutionDue { get; set; }

    public Guid? TimerTokenId { get; set; }

    public uint RowVersion { get; set; }
}

/// <summary>Time to look at the clocks again: a threshold falls due.</summary>
public sealed record EvaluateClocks(Guid EscalationId);

/// <summary>A tenant's SLA policy was published (or rolled back): its running clocks are re-planned.</summary>
public sealed record SlaPolicyPublished(string TenantId, int Version, int PreviousVersion, string PublishedBy, string? Reason);

/// <summary>Re-plan one escalation's clocks under version <see cref="Version"/> of its tenant's SLA policy.</summary>
public sealed record ReplanClocks(Guid EscalationId, string TenantId, int Version, int PreviousVersion, string PublishedBy, string? Reason);
