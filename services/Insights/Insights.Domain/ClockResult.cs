using EscalationPlatform.Contracts;

namespace Insights.Domain;

/// <summary>How a case's SLA clock came out, as sla last announced it.</summary>
public enum ClockOutcome
{
    /// <summary>The case has no such clock (not triaged yet, or its policy sets no target).</summary>
    None,
    Running,
    Paused,
    Met,
    Breached,
    /// <summary>Stopped without being met or breached (the case was cancelled).</summary>
    Stopped,
}

/// <summary>One clock's outcome with its due time and target, so that "at risk now" and "breached by now" can be asked
/// at any time.</summary>
public sealed record ClockResult(ClockOutcome Outcome, DateTimeOffset? DueAt, TimeSpan? Target, DateTimeOffset? MetAt)
{
    /// <summary>At risk: running, not due yet, with at most this share of its target left.</summary>
    public const double AtRiskShareLeft = 0.25;

    public static ClockResult None { get; } = new(ClockOutcome.None, null, null, null);

    /// <summary>Breached: sla said so, or the clock is running past its due time (which is what a breach is).</summary>
    public bool BreachedBy(DateTimeOffset now) => Outcome == ClockOutcome.Breached || (Outcome == ClockOutcome.Running && DueAt <= now);

    public bool AtRisk(DateTimeOffset now) =>
        Outcome == ClockOutcome.Running && DueAt > now && Target > TimeSpan.Zero && DueAt.Value - now <= Target.Value * AtRiskShareLeft;

    public static ClockResult Of(IReadOnlyList<SlaClock> clocks, ClockKind kind)
    {
        var clock = clocks.FirstOrDefault(candidate => candidate.Kind == kind);
        if (clock is null)
        {
            return None;
        }

        var outcome = clock.BreachedAt is not null ? ClockOutcome.Breached : clock.State switch
        {
            ClockState.Running => ClockOutcome.Running,
            ClockState.Paused => ClockOutcome.Paused,
            ClockState.Met => ClockOutcome.Met,
            ClockState.Breached => ClockOutcome.Breached,
            _ => ClockOutcome.Stopped,
        };
        return new ClockResult(outcome, clock.DueAt, clock.Target, clock.MetAt);
    }
}
