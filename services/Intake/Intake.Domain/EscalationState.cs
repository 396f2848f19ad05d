using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>Someone the record names: an owner, a backup, the person an offer went to.</summary>
public sealed record Person(string Id, string Name)
{
    public static Person Of(MemberRef member) => new(member.Id, member.Name);
}

/// <summary>What intake's decisions read and change of an escalation: its status, triage's assessment, who owns it
/// and who it is offered to, what the customer was promised, and how it ended. A decision returns a new state;
/// intake stores it.</summary>
public sealed record EscalationState
{
    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    /// <summary>Who handed the case in: a person's id, or "key:{id}" for a partner credential.</summary>
    public required string SubmittedById { get; init; }

    public required EscalationStatus Status { get; init; }

    public required CaseFacts Facts { get; init; }

    // Triage's assessment.
    public Severity? Severity { get; init; }

    public IReadOnlyList<FiredRule> Rules { get; init; } = [];

    public IReadOnlyList<MissingFact> MissingFacts { get; init; } = [];

    public bool HandoffIncomplete { get; init; }

    public int? MatrixVersion { get; init; }

    /// <summary>The known errors that match the case best, as triage last found them.</summary>
    public IReadOnlyList<KnownErrorSuggestion> Suggestions { get; init; } = [];

    /// <summary>The known error whose workaround sent the case back to the frontline, once deflected (kept after a
    /// contest, as what was tried).</summary>
    public CaseDeflection? Deflection { get; init; }

    /// <summary>The person whose severity stands (<see cref="SeverityChanges"/>): triage no longer changes it.</summary>
    public string? SeveritySetBy { get; init; }

    // Ownership: the owner stays owner until a handoff is accepted; the offer says who is asked to accept.
    public TeamRef? Team { get; init; }

    public Person? Owner { get; init; }

    public Person? Backup { get; init; }

    /// <summary>The lead of the owning team, who may act on the case like its owner.</summary>
    public string? TeamLeadId { get; init; }

    public Person? OfferedTo { get; init; }

    /// <summary>How far up the escalation policy the offer went.</summary>
    public OfferLevel? OfferLevel { get; init; }

    /// <summary>How many times the offer moved (<see cref="EscalationOffered.Step"/>): orders offers whose levels repeat.</summary>
    public int OfferStep { get; init; }

    /// <summary>Why the case is flagged for leadership: its escalation policy ran out with nobody acknowledging it;
    /// null when it is not flagged.</summary>
    public string? Flag { get; init; }

    public DateTime? RespondBy { get; init; }

    /// <summary>Why routing could offer the case to nobody (no team takes it, or its team cannot staff it); null once
    /// it is offered.</summary>
    public string? UnroutableReason { get; init; }

    public DateTime? AcknowledgedAt { get; init; }

    // What the SLA reported.
    public bool Breached { get; init; }

    /// <summary>When the sla service started the clocks (its first commitment to the customer).</summary>
    public DateTime? ClocksStartedAt { get; init; }

    /// <summary>The "next update by" time last promised to the customer.</summary>
    public DateTime? NextUpdateDue { get; init; }

    /// <summary>When sla made that promise: an older announcement does not replace it.</summary>
    public DateTime? CommitmentAt { get; init; }

    /// <summary>The clocks as sla announced them with that promise (<see cref="RecordedClocks"/> reads them at a later
    /// moment).</summary>
    public IReadOnlyList<SlaClock> Clocks { get; init; } = [];

    // How it ended.
    public ResolutionDetails? Resolution { get; init; }

    public DateTime? ResolvedAt { get; init; }

    /// <summary>When a resolved escalation closes by itself, while its auto-close timer is set.</summary>
    public DateTime? AutoCloseAt { get; init; }

    public DateTime? ClosedAt { get; init; }

    /// <summary>The people the case names, for <see cref="CaseAccess"/>.</summary>
    public CaseParties Parties => new(Owner?.Id, OfferedTo?.Id, TeamLeadId, SubmittedById, Facts.Customer.Id);

    /// <summary>A case just handed in.</summary>
    public static EscalationState Submitted(Guid id, string tenantId, string key, string title, string submittedById, CaseFacts facts) => new()
    {
        Id = id,
        TenantId = tenantId,
        Key = key,
        Title = title,
        SubmittedById = submittedById,
        Status = EscalationStatus.Submitted,
        Facts = facts,
    };
}
