namespace EscalationPlatform.Contracts;

public enum Severity
{
    S1 = 1,
    S2 = 2,
    S3 = 3,
    S4 = 4,
}

public enum IssueType
{
    Technical,
    Billing,
    Legal,
    Access,
    Security,
    Other,
}

public enum CustomerTier
{
    Standard,
    Premium,
    Strategic,
}

public enum ImpactScope
{
    SingleUser,
    Team,
    Organisation,
    ManyCustomers,
}

/// <summary>How the customer feels. Recorded, and never used to raise severity.</summary>
public enum Sentiment
{
    Calm,
    Concerned,
    Frustrated,
    Angry,
}

/// <summary>The escalation lifecycle (SPEC §3).</summary>
public enum EscalationStatus
{
    Submitted,
    NeedsInformation,
    Triaged,
    Deflected,
    Assigned,
    Acknowledged,
    InProgress,
    WaitingOnCustomer,
    Resolved,
    Closed,
    Reopened,
    Cancelled,
}

/// <summary>Who did something: a person (a member or a portal user), a service, a partner system, or the platform's
/// operator (who runs the platform for every tenant and belongs to none).</summary>
public enum ActorKind
{
    Person,
    Service,
    Partner,
    Operator,
}

public sealed record Actor(ActorKind Kind, string Id, string Name)
{
    public static Actor Service(string name) => new(ActorKind.Service, name, name);
}

/// <summary>The SLA clocks of an escalation.</summary>
public enum ClockKind
{
    FirstResponse,
    CustomerUpdate,
    Resolution,
}

/// <summary>How an SLA clock stands. A clock running past its due time is breached.</summary>
public enum ClockState
{
    Running,
    Paused,
    Met,
    Breached,
    Stopped,
}

/// <summary>The time an SLA clock counts.</summary>
public enum CalendarKind
{
    /// <summary>Every hour counts.</summary>
    AlwaysOpen,

    /// <summary>Only business hours count, in the customer's time zone, holidays excluded.</summary>
    BusinessHours,
}

public enum ThresholdKind
{
    Warning,
    Breach,
}
