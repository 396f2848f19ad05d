using EscalationPlatform.Contracts;
using Intake.Domain;
using EscalationPlatform.Web.Validation;
using MassTransit;

namespace Intake.Api.Records;

/// <summary>The escalation record (SPEC §3): one row per case, owned by intake. It is also the lifecycle saga's
/// instance (the correlation id is the escalation id, the saga state is the status), so API commands and bus
/// events change the same row under the same optimistic concurrency (xmin, also the ETag). What intake decides on is
/// its <see cref="EscalationState"/> (<see cref="ToState"/>, <see cref="Apply"/>); the rest is how it was handed in.</summary>
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

    /// <summary>The status, stored as the API spells it (in-progress).</summary>
    public EscalationStatus Status { get; set; }

    /// <summary>The saga's state: the name of the state the lifecycle saga declares for <see cref="Status"/> (not
    /// stored apart from it).</summary>
    public string CurrentState
    {
        get => StateName(Status);
        set => Status = KebabEnum<EscalationStatus>.Parse(value);
    }

    /// <summary>Facts as a JSON column, with the fields queues filter on kept as columns.</summary>
    public required CaseFacts Facts { get; set; }

    public required IssueType IssueType { get; init; }

    public required string CustomerId { get; init; }

    public required string CustomerName { get; init; }

    public required CustomerTier CustomerTier { get; init; }

    // Triage's decision.
    public Severity? Severity { get; set; }

    /// <summary>The rules that decided the severity.</summary>
    public List<FiredRule> Rules { get; set; } = [];

    /// <summary>The facts the context checklist still misses.</summary>
    public List<MissingFact> MissingFacts { get; set; } = [];

    public bool HandoffIncomplete { get; set; }

    /// <summary>The known errors triage found for the case, strongest first (a JSON column).</summary>
    public List<KnownErrorSuggestion> Suggestions { get; set; } = [];

    /// <summary>The known error whose workaround sent the case back to the frontline (a JSON column).</summary>
    public CaseDeflection? Deflection { get; set; }

    public int? MatrixVersion { get; set; }

    /// <summary>The person whose severity stands: triage no longer changes it.</summary>
    public string? SeveritySetBy { get; set; }

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
    public OfferLevel? OfferLevel { get; set; }

    public int OfferStep { get; set; }

    /// <summary>Why the case is flagged for leadership (the top of its escalation policy was reached); null when not.</summary>
    public string? Flag { get; set; }

    public DateTime? RespondBy { get; set; }

    /// <summary>Why routing could offer the case to nobody; null once offered.</summary>
    public string? UnroutableReason { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    // SLA and outcome.
    public bool Breached { get; set; }

    /// <summary>When the sla service started the clocks (its first commitment to the customer).</summary>
    public DateTime? ClocksStartedAt { get; set; }

    /// <summary>The "next update by" time last promised to the customer, as the sla service announced it.</summary>
    public DateTime? NextUpdateDue { get; set; }

    /// <summary>When sla made that promise: an older announcement, redelivered late, does not replace it.</summary>
    public DateTime? CommitmentAt { get; set; }

    /// <summary>When the next action falls due (<see cref="NextActions.DueAt"/>), kept with every change so that a queue
    /// can ask for the cases due soon.</summary>
    public DateTime? NextDueAt { get; set; }

    /// <summary>The clocks as sla announced them with that promise (a JSON column), so that a read asks no other service.</summary>
    public List<SlaClock> Clocks { get; set; } = [];

    /// <summary>Kind (fix or workaround), summary, root cause, when and by whom: a JSON column.</summary>
    public ResolutionDetails? Resolution { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? AutoCloseAt { get; set; }

    /// <summary>The scheduler's token of the auto-close timer, to cancel it.</summary>
    public Guid? AutoCloseTokenId { get; set; }

    public DateTime? ClosedAt { get; set; }

    public required DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public uint RowVersion { get; set; }

    /// <summary>Timeline entries added in this unit of work (the stored timeline is read on its own).</summary>
    public List<TimelineEntry> Timeline { get; } = [];

    /// <summary>The saga state's name of a status: the status as stored and sent.</summary>
    public static string StateName(EscalationStatus status) => KebabEnum<EscalationStatus>.Name(status);

    public EscalationState ToState() => new()
    {
        Id = CorrelationId,
        TenantId = TenantId,
        Key = Key,
        Title = Title,
        SubmittedById = SubmittedById,
        Status = Status,
        Facts = Facts,
        Severity = Severity,
        Rules = Rules,
        MissingFacts = MissingFacts,
        HandoffIncomplete = HandoffIncomplete,
        Suggestions = Suggestions,
        Deflection = Deflection,
        MatrixVersion = MatrixVersion,
        SeveritySetBy = SeveritySetBy,
        Team = TeamId is null ? null : new TeamRef(TeamId, TeamName!),
        Owner = Person(OwnerId, OwnerName),
        Backup = Person(BackupId, BackupName),
        TeamLeadId = TeamLeadId,
        OfferedTo = Person(OfferedToId, OfferedToName),
        OfferLevel = OfferLevel,
        OfferStep = OfferStep,
        Flag = Flag,
        RespondBy = RespondBy,
        UnroutableReason = UnroutableReason,
        AcknowledgedAt = AcknowledgedAt,
        Breached = Breached,
        ClocksStartedAt = ClocksStartedAt,
        NextUpdateDue = NextUpdateDue,
        CommitmentAt = CommitmentAt,
        Clocks = Clocks,
        Resolution = Resolution,
        ResolvedAt = ResolvedAt,
        AutoCloseAt = AutoCloseAt,
        ClosedAt = ClosedAt,
    };

    /// <summary>Takes the state a decision made on this record (what it was handed in with stays as it is).</summary>
    public void Apply(EscalationState state)
    {
        if (state.Id != CorrelationId)
        {
            throw new InvalidOperationException($"The state of escalation {state.Id} cannot be applied to {CorrelationId}.");
        }

        Status = state.Status;
        Facts = state.Facts;
        Severity = state.Severity;
        Rules = ReferenceEquals(state.Rules, Rules) ? Rules : [.. state.Rules];
        MissingFacts = ReferenceEquals(state.MissingFacts, MissingFacts) ? MissingFacts : [.. state.MissingFacts];
        HandoffIncomplete = state.HandoffIncomplete;
        Suggestions = ReferenceEquals(state.Suggestions, Suggestions) ? Suggestions : [.. state.Suggestions];
        Deflection = state.Deflection;
        MatrixVersion = state.MatrixVersion;
        SeveritySetBy = state.SeveritySetBy;
        (TeamId, TeamName) = (state.Team?.Id, state.Team?.Name);
        (OwnerId, OwnerName) = (state.Owner?.Id, state.Owner?.Name);
        (BackupId, BackupName) = (state.Backup?.Id, state.Backup?.Name);
        TeamLeadId = state.TeamLeadId;
        (OfferedToId, OfferedToName) = (state.OfferedTo?.Id, state.OfferedTo?.Name);
        OfferLevel = state.OfferLevel;
        OfferStep = state.OfferStep;
        Flag = state.Flag;
        RespondBy = state.RespondBy;
        UnroutableReason = state.UnroutableReason;
        AcknowledgedAt = state.AcknowledgedAt;
        Breached = state.Breached;
        ClocksStartedAt = state.ClocksStartedAt;
        NextUpdateDue = state.NextUpdateDue;
        CommitmentAt = state.CommitmentAt;
        Clocks = ReferenceEquals(state.Clocks, Clocks) ? Clocks : [.. state.Clocks];
        Resolution = state.Resolution;
        ResolvedAt = state.ResolvedAt;
        AutoCloseAt = state.AutoCloseAt;
        ClosedAt = state.ClosedAt;
        NextDueAt = NextActions.DueAt(state)?.UtcDateTime;
    }

    private static Person? Person(string? id, string? name) => id is null ? null : new Person(id, name ?? id);
}
