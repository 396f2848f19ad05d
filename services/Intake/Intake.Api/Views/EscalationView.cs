using EscalationPlatform.Contracts;
using Intake.Domain;

namespace Intake.Api.Views;

public sealed record PersonView(string Id, string Name);

public sealed record TeamView(string Id, string Name);

public sealed record CustomerView(string Id, string Name, CustomerTier Tier);

public sealed record OfferView(PersonView OfferedTo, OfferLevel Level, DateTime? RespondBy);

public sealed record NextActionView(string What, string? Who, DateTimeOffset? DueAt);

public sealed record ActorView(ActorKind Kind, string Id, string Name);

public sealed record TimelineView(DateTime At, ActorView Actor, string What, EscalationStatus? From, EscalationStatus? To, string? Detail, string? Reason);

/// <summary>A clock as sla last announced it, read now (<see cref="RecordedClocks"/>): its state, due time and target;
/// the time elapsed on its calendar is in the detailed view (GET /api/v1/escalations/{id}/clocks).</summary>
public sealed record ClockView(
    ClockKind Kind, ClockState State, DateTimeOffset StartedAt, DateTimeOffset? DueAt, long TargetSeconds, DateTimeOffset? MetAt,
    DateTimeOffset? BreachedAt, CalendarKind Calendar);

/// <summary>The SLA on the record: whether a clock breached, the "next update by" time promised to the customer, the
/// clocks, and when sla last announced them (null: not on the clock yet).</summary>
public sealed record SlaView(bool Breached, DateTimeOffset? NextUpdateDue, DateTimeOffset? AnnouncedAt, IReadOnlyList<ClockView> Clocks);

/// <summary>The whole record (GET /api/v1/escalations/{id}), with the commands the caller may run on it now.</summary>
public sealed record EscalationView(
    Guid Id,
    string Key,
    EscalationStatus Status,
    string Source,
    string? ExternalReference,
    string Title,
    string? Description,
    Severity? Severity,
    IReadOnlyList<FiredRule> Rules,
    int? MatrixVersion,
    bool HandoffIncomplete,
    string? UnroutableReason,
    string? Flag,
    IReadOnlyList<MissingFact> MissingContext,
    IReadOnlyList<KnownErrorSuggestion> Suggestions,
    CaseDeflection? Deflection,
    CaseFacts Facts,
    TeamView? Team,
    PersonView? Owner,
    PersonView? Backup,
    OfferView? Offer,
    DateTime? AcknowledgedAt,
    NextActionView? NextAction,
    DateTimeOffset? NextCustomerUpdateDue,
    SlaView Sla,
    bool Breached,
    ResolutionDetails? Resolution,
    DateTime? AutoCloseAt,
    DateTime? ClosedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<Command> Commands,
    IReadOnlyList<TimelineView> Timeline);

/// <summary>A line of the queue (GET /api/v1/escalations): who owns it now, how urgent, what is next.</summary>
public sealed record EscalationSummary(
    Guid Id,
    string Key,
    string Title,
    EscalationStatus Status,
    Severity? Severity,
    IssueType IssueType,
    CustomerView Customer,
    TeamView? Team,
    PersonView? Owner,
    OfferView? Offer,
    bool Breached,
    NextActionView? NextAction,
    DateTimeOffset? NextCustomerUpdateDue,
    DateTime CreatedAt,
    DateTime UpdatedAt);
