namespace EscalationPlatform.Contracts;

public sealed record MemberRef(string Id, string Name, string Email);

public sealed record TeamRef(string Id, string Name);

/// <summary>Who the escalation is offered to: the chosen owner first, then by the levels of the team's escalation
/// policy (SPEC section 5). A policy level names one of these as its target.</summary>
public enum OfferLevel
{
    /// <summary>The owner the team's strategy chose.</summary>
    Owner,

    /// <summary>The backup the team's strategy chose.</summary>
    Backup,

    /// <summary>The lead of the escalation's team.</summary>
    TeamLead,

    /// <summary>A named member of any of the tenant's teams.</summary>
    Person,

    /// <summary>Whoever is on call in a named schedule.</summary>
    Schedule,

    /// <summary>Whoever is on call in a named schedule of managers.</summary>
    OnCallManager,

    /// <summary>The owner another team's strategy chooses.</summary>
    Team,
}

/// <summary>The escalation was offered to someone, who owns it once they acknowledge. Raised for the first offer
/// and each time the offer moves up the escalation policy.</summary>
public sealed record EscalationOffered
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required Severity Severity { get; init; }

    public required TeamRef Team { get; init; }

    public required MemberRef OfferedTo { get; init; }

    /// <summary>Who owns the escalation meanwhile: the person first offered it, until someone accepts.</summary>
    public required MemberRef Owner { get; init; }

    public required MemberRef Backup { get; init; }

    public MemberRef? TeamLead { get; init; }

    public required OfferLevel Level { get; init; }

    public required DateTimeOffset RespondBy { get; init; }

    public MemberRef? PreviouslyOfferedTo { get; init; }

    /// <summary>Why this team and person: the routing rule and strategy, or why the offer moved.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The escalation's key, title and customer, so that an offer can be worded and addressed by a service
    /// that never saw the triage (added; older senders leave them null).</summary>
    public string? Key { get; init; }

    public string? Title { get; init; }

    public CustomerRef? Customer { get; init; }

    /// <summary>The same offer to the same person with a new deadline, because the severity changed (added; older
    /// senders leave it false).</summary>
    public bool Replanned { get; init; }

    /// <summary>How many times the offer moved before this one (0 for the first offer): a policy repeats its levels,
    /// so the level alone does not order the offers (added; older senders leave it 0).</summary>
    public int Step { get; init; }

    /// <summary>Who submitted the escalation (the credential's actor id: a partner's API key, a person): a webhook
    /// subscription bound to a submitter receives only its cases' events (added; older senders leave it null).</summary>
    public string? SubmittedBy { get; init; }

    /// <summary>The escalation policy the offer follows ("Default" for the built-in owner, backup, team lead).</summary>
    public string? Policy { get; init; }
}

/// <summary>The offer went through every level of its escalation policy (and its repeats) and nobody acknowledged it:
/// the case is flagged, leadership and the team lead are told, and it stays offered to the last person asked (SPEC
/// section 5: never dropped).</summary>
public sealed record EscalationPolicyExhausted
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required Severity Severity { get; init; }

    public required TeamRef Team { get; init; }

    public MemberRef? TeamLead { get; init; }

    /// <summary>The policy whose top was reached.</summary>
    public required string Policy { get; init; }

    /// <summary>Who was asked last; the offer stays with them.</summary>
    public required MemberRef LastOfferedTo { get; init; }

    /// <summary>How many offers were made, the first included.</summary>
    public required int Offers { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? Key { get; init; }

    public string? Title { get; init; }

    public CustomerRef? Customer { get; init; }
}

/// <summary>Nobody could be offered the escalation: no team takes it, the team a rule names does not exist, or the team
/// has too few members to name an owner and a distinct backup. The case stays triaged, visibly (the record says why),
/// and the team lead (when there is a team) and leadership are told: an escalation is never dropped silently.</summary>
public sealed record EscalationUnroutable
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>Why, in words: "no routing rule matches and no team takes legal issues".</summary>
    public required string Reason { get; init; }

    /// <summary>The team routing chose, when it found one (that could not staff the case).</summary>
    public TeamRef? Team { get; init; }

    public MemberRef? TeamLead { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public CustomerRef? Customer { get; init; }
}

/// <summary>A step of a handoff (SPEC section 5).</summary>
public enum HandoffStep
{
    /// <summary>The owner (or the team lead or a manager) asked someone else to take the case.</summary>
    Requested,

    /// <summary>Nobody answered within the window: the receiving team's lead is asked instead.</summary>
    MovedUp,

    /// <summary>The receiver took the case: they own it now.</summary>
    Accepted,

    /// <summary>The receiver turned it down, with a reason: the owner keeps it.</summary>
    Rejected,

    /// <summary>Nobody answered at the top: the owner keeps it and leadership is told.</summary>
    Expired,
}

/// <summary>A handoff moved a step: who asked whom to take the case, why, with what context and actions already
/// taken, and by when to answer; on acceptance the new owner and their team. Ownership moves only with
/// <see cref="HandoffStep.Accepted"/>.</summary>
public sealed record EscalationHandoff
{
    public required Guid HandoffId { get; init; }

    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required HandoffStep Step { get; init; }

    /// <summary>The owner when it was asked.</summary>
    public MemberRef? From { get; init; }

    /// <summary>Who asked (the owner, the team lead or a manager).</summary>
    public required Actor RequestedBy { get; init; }

    /// <summary>The team asked to take it, and its lead.</summary>
    public required TeamRef ToTeam { get; init; }

    public MemberRef? ToTeamLead { get; init; }

    /// <summary>The person asked now; null while any member of <see cref="ToTeam"/> may take it.</summary>
    public MemberRef? AskedNow { get; init; }

    public required string Reason { get; init; }

    public required string ContextSummary { get; init; }

    public required IReadOnlyList<string> ActionsTaken { get; init; }

    public required DateTimeOffset RespondBy { get; init; }

    /// <summary>The new owner (Accepted), or who turned it down (Rejected).</summary>
    public MemberRef? AnsweredBy { get; init; }

    /// <summary>Why it was turned down (Rejected).</summary>
    public string? Answer { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? Key { get; init; }

    public string? Title { get; init; }

    public Severity? Severity { get; init; }
}
