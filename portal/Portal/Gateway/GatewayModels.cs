using System.Text.Json;
using EscalationPlatform.Contracts;

namespace EscalationPlatform.Portal.Gateway;

// What the portal reads from the gateway's JSON API: only the fields it shows. Unknown fields are ignored, so a
// service may add to its answers without breaking the portal.

public sealed record PersonRef(string Id, string Name);

public sealed record TeamRef(string Id, string Name);

public sealed record CustomerRef(string Id, string Name, CustomerTier Tier);

public sealed record OfferInfo(PersonRef OfferedTo, string Level, DateTimeOffset? RespondBy);

public sealed record NextActionInfo(string What, string? Who, DateTimeOffset? DueAt);

public sealed record ActorInfo(ActorKind Kind, string Id, string Name);

public sealed record TimelineItem(DateTimeOffset At, ActorInfo Actor, string What, EscalationStatus? From, EscalationStatus? To, string? Detail, string? Reason);

public sealed record ClockInfo(ClockKind Kind, ClockState State, DateTimeOffset StartedAt, DateTimeOffset? DueAt, long TargetSeconds,
    DateTimeOffset? MetAt, DateTimeOffset? BreachedAt);

/// <summary>A clock as the sla service counts it now (GET /api/v1/escalations/{id}/clocks): how much of its target has
/// gone on its calendar, and how long it stood paused.</summary>
public sealed record ClockNow(string Kind, string State, long TargetSeconds, long ElapsedSeconds, int PercentElapsed, long PausedSeconds, string Calendar);

/// <summary>The clocks now; <see cref="Available"/> is false when the sla service could not be asked.</summary>
public sealed record ClocksNow(bool Available, IReadOnlyList<ClockNow> Clocks)
{
    public static readonly ClocksNow Unavailable = new(false, []);
}

public sealed record SlaInfo(bool Breached, DateTimeOffset? NextUpdateDue, DateTimeOffset? AnnouncedAt, IReadOnlyList<ClockInfo> Clocks);

public sealed record RuleInfo(string Id, Severity Severity, string Description);

public sealed record MissingFactInfo(string Id, string Description);

/// <summary>One item of a checklist: satisfied by any of the facts it names ("context.errorMessages").</summary>
public sealed record ChecklistItemInfo(string Id, string Description, IReadOnlyList<string> AnyOf);

/// <summary>The context checklists in force (GET /api/v1/triage/checklists): items by issue type ("technical").</summary>
public sealed record ChecklistsInfo(int Version, IReadOnlyDictionary<string, IReadOnlyList<ChecklistItemInfo>> IssueTypes)
{
    public IReadOnlyList<ChecklistItemInfo> For(IssueType issueType) => For(Components.Shared.Labels.Kebab(issueType));

    /// <summary>The items of an issue type as the API names it ("technical").</summary>
    public IReadOnlyList<ChecklistItemInfo> For(string issueType) => IssueTypes.TryGetValue(issueType, out var items) ? items : [];
}

public sealed record ResolutionInfo(string Kind, string Summary, string? RootCause, DateTimeOffset ResolvedAt, string ResolvedBy);

/// <summary>One escalation as GET /api/v1/escalations/{id} shows it.</summary>
public sealed record EscalationRecord(
    Guid Id,
    string Key,
    EscalationStatus Status,
    string Source,
    string Title,
    string? Description,
    Severity? Severity,
    IReadOnlyList<RuleInfo> Rules,
    int? MatrixVersion,
    string? UnroutableReason,
    string? Flag,
    IReadOnlyList<MissingFactInfo> MissingContext,
    JsonElement Facts,
    TeamRef? Team,
    PersonRef? Owner,
    PersonRef? Backup,
    OfferInfo? Offer,
    DateTimeOffset? AcknowledgedAt,
    NextActionInfo? NextAction,
    DateTimeOffset? NextCustomerUpdateDue,
    SlaInfo Sla,
    bool Breached,
    ResolutionInfo? Resolution,
    DateTimeOffset? AutoCloseAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Commands,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<KnownErrorMatch>? Suggestions = null,
    DeflectionInfo? Deflection = null);

/// <summary>A line of the queue (GET /api/v1/escalations).</summary>
public sealed record EscalationLine(
    Guid Id,
    string Key,
    string Title,
    EscalationStatus Status,
    Severity? Severity,
    IssueType IssueType,
    CustomerRef Customer,
    TeamRef? Team,
    PersonRef? Owner,
    OfferInfo? Offer,
    bool Breached,
    NextActionInfo? NextAction,
    DateTimeOffset CreatedAt);

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record CustomerListItem(string Id, string Name, CustomerTier Tier, bool ContractualSla, string TimeZone, string? ContactEmail = null, string Status = "active");

public sealed record SubmittedCase(Guid Id, string Key, EscalationStatus Status);

public sealed record TeamMember(string Id, string Name);

/// <summary>A team as GET /api/v1/routing/teams lists it (the fields the queues need).</summary>
public sealed record TeamInfo(string Id, string Name, IReadOnlyList<TeamMember> Members);
