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
