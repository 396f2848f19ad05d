using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>Reads the clocks sla last announced at a later moment. Between announcements only time changes a clock, and
/// it changes one thing exactly: a clock that was running and whose due time has passed has breached at its due time
/// (sla's own rule, announced by SlaThresholdReached). How much of a target has elapsed depends on sla's calendar, so
/// it is not derived here.</summary>
public static class RecordedClocks
{
    public static SlaClock AsOf(SlaClock clock, DateTimeOffset now) =>
        IsPastDue(clock, now) ? clock with { State = ClockState.Breached, BreachedAt = clock.DueAt } : clock;

    /// <summary>The clocks as of <paramref name="now"/>: the same list when time changed none of them.</summary>
    public static IReadOnlyList<SlaClock> AsOf(IReadOnlyList<SlaClock> clocks, DateTimeOffset now) =>
        clocks.Any(clock => IsPastDue(clock, now)) ? [.. clocks.Select(clock => AsOf(clock, now))] : clocks;

    /// <summary>Whether any clock has breached (<paramref name="clocks"/> read as of the moment asked).</summary>
    public static bool AnyBreached(IReadOnlyList<SlaClock> clocks) => clocks.Any(clock => clock.BreachedAt is not null);

    /// <summary>When resolution is due while its clock counts (running, or running past its target).</summary>
    public static DateTimeOffset? ResolutionDue(IReadOnlyList<SlaClock> clocks) =>
        clocks.FirstOrDefault(clock => clock.Kind == ClockKind.Resolution && clock.State is ClockState.Running or ClockState.Breached)?.DueAt;

    private static bool IsPastDue(SlaClock clock, DateTimeOffset now) => clock.State == ClockState.Running && clock.DueAt <= now;
}
