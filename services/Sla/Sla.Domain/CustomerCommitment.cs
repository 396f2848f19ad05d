using EscalationPlatform.Contracts;

namespace Sla.Domain;

/// <summary>What the customer is promised now: the next update and the resolution, while each clock still counts
/// (running, or running past its target); nothing for a clock that is paused, met or stopped.</summary>
public sealed record CustomerCommitment(DateTimeOffset? NextUpdateDue, DateTimeOffset? ResolutionDue)
{
    public static CustomerCommitment From(ClockReport report) => new(
        report.NextUpdateDue,
        report.Clocks.FirstOrDefault(clock => clock.Kind == ClockKind.Resolution && clock.State is ClockState.Running or ClockState.Breached)?.DueAt);
}

/// <summary>What the customer side was last told: the status as the customer sees it, and the promise that went with
/// it. Internal steps (SPEC §7: submitted, needs information, deflected, assigned) are not something the customer
/// hears of, so a move to one leaves <see cref="CustomerStatus"/> where it was.</summary>
public sealed record AnnouncedCommitment(EscalationStatus? CustomerStatus, CustomerCommitment Commitment)
{
    /// <summary>The commitment made now in <paramref name="status"/>, after the last one announced, to the microsecond
    /// (what the database keeps, so that one read back compares equal).</summary>
    public static AnnouncedCommitment Of(EscalationStatus status, CustomerCommitment commitment, AnnouncedCommitment? last) => new(
        IsInternal(status) ? last?.CustomerStatus : status,
        new CustomerCommitment(Microseconds(commitment.NextUpdateDue), Microseconds(commitment.ResolutionDue)));

    /// <summary>A commitment is announced when it says something new: the first one, one carrying a message for the
    /// customer, or one whose status (as the customer sees it) or times differ from the last announced. The same
    /// promise after an internal step (triaged to assigned) or a change reported twice is not announced again.</summary>
    public static bool IsNews(AnnouncedCommitment? last, AnnouncedCommitment next, string? message) =>
        last is null || message is not null || last != next;

    private static bool IsInternal(EscalationStatus status) => status is
        EscalationStatus.Submitted or EscalationStatus.NeedsInformation or EscalationStatus.Deflected or EscalationStatus.Assigned;

    private static DateTimeOffset? Microseconds(DateTimeOffset? at) =>
        at is { } value ? new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero) : null;
}
