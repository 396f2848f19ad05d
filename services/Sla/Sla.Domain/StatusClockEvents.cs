using EscalationPlatform.Contracts;

namespace Sla.Domain;

/// <summary>What a status change means for the clocks (nothing, for most): acknowledging is the first response,
/// waiting on the customer pauses, going back to work from waiting resumes, resolving, reopening, closing and
/// cancelling do what they say.</summary>
public static class StatusClockEvents
{
    public static ClockEvent? For(EscalationStatus from, EscalationStatus to, DateTimeOffset at) => to switch
    {
        EscalationStatus.Acknowledged => new FirstResponded(at),
        EscalationStatus.WaitingOnCustomer => new Paused(at),
        EscalationStatus.InProgress when from == EscalationStatus.WaitingOnCustomer => new Resumed(at),
        EscalationStatus.Resolved => new Resolved(at),
        EscalationStatus.Reopened => new Reopened(at),
        EscalationStatus.Closed or EscalationStatus.Cancelled => new Ended(at),
        _ => null,
    };
}
