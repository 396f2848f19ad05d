using EscalationPlatform.Contracts;

namespace Sla.Domain;

public sealed record ClockStatus(
    ClockKind Kind,
    ClockState State,
    int Cycle,
    DateTimeOffset StartedAt,
    DateTimeOffset? DueAt,
    TimeSpan Target,
    TimeSpan Elapsed,
    TimeSpan Paused,
    DateTimeOffset? MetAt,
    DateTimeOffset? BreachedAt,
    CalendarKind Calendar)
{
    public int PercentElapsed => Target <= TimeSpan.Zero ? 100 : (int)Math.Floor(100 * Elapsed / Target);
}

/// <summary>A warning (a percentage below 100) or a breach (100) of one cycle of one clock, and when it falls.
/// <see cref="DueAt"/> is null when the clock stopped before its target (a warning reached, then met).</summary>
public sealed record Threshold(ClockKind Clock, int Cycle, int Percent, DateTimeOffset At, DateTimeOffset? DueAt)
{
    public string Key => $"{Clock}:{Cycle}:{Percent}";

    public bool IsBreach => Percent >= 100;
}

public sealed record ClockReport(IReadOnlyList<ClockStatus> Clocks, IReadOnlyList<Threshold> Reached, DateTimeOffset? NextThresholdAt)
{
    public bool Breached => Clocks.Any(clock => clock.BreachedAt is not null);

    public DateTimeOffset? NextUpdateDue => Clocks.FirstOrDefault(clock => clock.Kind == ClockKind.CustomerUpdate && clock.State is ClockState.Running or ClockState.Breached)?.DueAt;
}

/// <summary>Derives the three clocks of a case from its history: first response (from submission to the first
/// acknowledgement or update, never paused), the customer update cadence (a cycle per update, paused while
/// waiting on the customer) and resolution (paused while waiting on the customer, stopped by resolution,
/// counting again after a reopen). It reports each clock, every threshold already reached, and when the next
/// one falls, for the timer.</summary>
public static class ClockEngine
{
    private sealed record Segment(DateTimeOffset Start, DateTimeOffset? End);

    public static ClockReport Evaluate(IReadOnlyList<ClockEvent> history, SeverityTargets targets, SlaPolicy policy, ClockZones zones, DateTimeOffset now)
    {
        var events = history.OrderBy(e => e.At).ToList();
        if (events.OfType<CaseOpened>().FirstOrDefault() is not { } opened)
        {
            return new([], [], null);
        }

        var clocks = new List<(ClockStatus Status, IReadOnlyList<Threshold> Thresholds)>
        {
            FirstResponse(events, opened.At, targets.FirstResponse, policy, zones, now),
            Resolution(events, opened.At, targets.Resolution, policy, zones, now),
        };
        if (targets.CustomerUpdate is { } cadence)
        {
            clocks.Insert(1, CustomerUpdate(events, opened.At, cadence, policy, zones, now));
        }

        var thresholds = clocks.SelectMany(clock => clock.Thresholds).ToList();
        return new(
            [.. clocks.Select(clock => clock.Status)],
            [.. thresholds.Where(threshold => threshold.At <= now).OrderBy(threshold => threshold.At)],
            thresholds.Where(threshold => threshold.At > now).Select(threshold => (DateTimeOffset?)threshold.At).Min());
    }

    private static (ClockStatus, IReadOnlyList<Threshold>) FirstResponse(
        List<ClockEvent> events, DateTimeOffset opened, ClockTarget target, SlaPolicy policy, ClockZones zones, DateTimeOffset now)
    {
        var responded = events.FirstOrDefault(e => e is FirstResponded or CustomerUpdated)?.At;
        var ended = events.OfType<Ended>().FirstOrDefault()?.At;
        var stop = Earliest(responded, ended);
        var clock = Clock(ClockKind.FirstResponse, 0, [new(opened, stop)], target, policy, zones, now);
        var state = responded is not null && (clock.BreachedAt is null || clock.BreachedAt > responded) ? ClockState.Met
            : clock.BreachedAt is not null ? ClockState.Breached
            : stop is not null ? ClockState.Stopped
            : ClockState.Running;
        return (clock.Status with { State = state, MetAt = state == ClockState.Met ? responded : null }, clock.Thresholds);
    }

    private static (ClockStatus, IReadOnlyList<Threshold>) Resolution(
        List<ClockEvent> events, DateTimeOffset opened, ClockTarget target, SlaPolicy policy, ClockZones zones, DateTimeOffset now)
    {
        var active = ActivePeriods(events, opened);
        var last = events.LastOrDefault(e => e is Resolved or Reopened or Ended or Paused or Resumed);
        var clock = Clock(ClockKind.Resolution, 0, active, target, policy, zones, now);
        var state = last switch
        {
            Resolved when clock.BreachedAt is null => ClockState.Met,
            Ended when clock.BreachedAt is null => events.OfType<Resolved>().Any() ? ClockState.Met : ClockState.Stopped,
            _ when clock.BreachedAt is not null => ClockState.Breached,
            Paused => ClockState.Paused,
            _ => ClockState.Running,
        };
        var metAt = state == ClockState.Met ? events.OfType<Resolved>().LastOrDefault()?.At : null;
        return (clock.Status with { State = state, MetAt = metAt, Paused = PausedTime(events, now) }, clock.Thresholds);
    }

    /// <summary>One cycle per update: the current cycle runs from the last update (or the submission, or the last
    /// reopen) over the active periods after it.</summary>
    private static (ClockStatus, IReadOnlyList<Threshold>) CustomerUpdate(
        List<ClockEvent> events, DateTimeOffset opened, ClockTarget target, SlaPolicy policy, ClockZones zones, DateTimeOffset now)
    {
        var active = ActivePeriods(events, opened);
        var starts = new List<DateTimeOffset> { opened };
        starts.AddRange(events.Where(e => e is CustomerUpdated or Reopened).Select(e => e.At));
        var thresholds = new List<Threshold>();
        ClockStatus? current = null;
        for (var cycle = 0; cycle < starts.Count; cycle++)
        {
            var cycleEnd = cycle + 1 < starts.Count ? starts[cycle + 1] : (DateTimeOffset?)null;
            var segments = Clip(active, starts[cycle], cycleEnd);
            var clock = Clock(ClockKind.CustomerUpdate, cycle, segments, target, policy, zones, now);
            thresholds.AddRange(clock.Thresholds.Where(threshold => cycleEnd is null || threshold.At <= cycleEnd));
            current = clock.Status;
        }

        var last = events.LastOrDefault(e => e is Resolved or Reopened or Ended or Paused or Resumed);
        var state = last switch
        {
            Resolved or Ended => ClockState.Stopped,
            _ when current!.BreachedAt is not null => ClockState.Breached,
            Paused => ClockState.Paused,
            _ => ClockState.Running,
        };
        return (current! with { State = state, Paused = PausedTime(events, now) }, thresholds);
    }

    private sealed record Counted(ClockStatus Status, IReadOnlyList<Threshold> Thresholds, DateTimeOffset? BreachedAt);

    /// <summary>Elapsed working time over the segments, the due time, and each threshold's instant.</summary>
    private static Counted Clock(ClockKind kind, int cycle, IReadOnlyList<Segment> segments, ClockTarget target, SlaPolicy policy,
        ClockZones zones, DateTimeOffset now)
    {
        var calendar = policy.Calendar(target.Calendar, zones);
        var elapsed = segments.Aggregate(TimeSpan.Zero, (sum, segment) =>
            sum + calendar.WorkingTimeBetween(segment.Start, Min(segment.End ?? now, now)));
        var due = InstantWhen(segments, target.Duration, calendar);
        var thresholds = policy.WarningPercents.Where(percent => percent is > 0 and < 100).Append(100)
            .Select(percent => (Percent: percent, At: InstantWhen(segments, target.Duration * percent / 100, calendar)))
            .Where(threshold => threshold.At is not null)
            .Select(threshold => new Threshold(kind, cycle, threshold.Percent, threshold.At!.Value, due))
            .ToList();
        var breachedAt = due is { } dueAt && dueAt <= now ? dueAt : (DateTimeOffset?)null;
        var start = segments.Count > 0 ? segments[0].Start : now;
        return new(
            new(kind, ClockState.Running, cycle, start, due, target.Duration, elapsed, TimeSpan.Zero, null, breachedAt, policy.CalendarNamed(target.Calendar).Kind),
            thresholds,
            breachedAt);
    }

    /// <summary>When the working time over the segments reaches the amount; null if they end before it does.</summary>
    private static DateTimeOffset? InstantWhen(IReadOnlyList<Segment> segments, TimeSpan amount, IWorkingCalendar calendar)
    {
        var counted = TimeSpan.Zero;
        foreach (var segment in segments)
        {
            if (segment.End is not { } end)
            {
                return calendar.AddWorkingTime(segment.Start, amount - counted);
            }

            var working = calendar.WorkingTimeBetween(segment.Start, end);
            if (counted + working >= amount)
            {
                return calendar.AddWorkingTime(segment.Start, amount - counted);
            }

            counted += working;
        }

        return null;
    }

    /// <summary>When the case counts: open, not waiting on the customer, not resolved, not closed (a reopen of a
    /// resolved or closed case counts again).</summary>
    private static List<Segment> ActivePeriods(List<ClockEvent> events, DateTimeOffset opened)
    {
        var periods = new List<Segment>();
        DateTimeOffset? start = opened;
        foreach (var e in events)
        {
            switch (e)
            {
                case Paused or Resolved or Ended when start is { } from:
                    periods.Add(new(from, e.At));
                    start = null;
                    break;
                case Resumed or Reopened when start is null && e.At >= opened:
                    start = e.At;
                    break;
            }
        }

        if (start is { } open)
        {
            periods.Add(new(open, null));
        }

        return periods;
    }

    private static List<Segment> Clip(List<Segment> periods, DateTimeOffset from, DateTimeOffset? to) =>
    [
        .. periods
            .Select(period => new Segment(Max(period.Start, from), to is null ? period.End : period.End is null ? to : Min(period.End.Value, to.Value)))
            .Where(segment => segment.End is null || segment.End > segment.Start),
    ];

    /// <summary>Wall-clock time spent waiting on the customer.</summary>
    private static TimeSpan PausedTime(List<ClockEvent> events, DateTimeOffset now)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? pausedAt = null;
        foreach (var e in events)
        {
            if (e is Paused && pausedAt is null)
            {
                pausedAt = e.At;
            }
            else if (e is Resumed or Ended or Resolved && pausedAt is { } from)
            {
                total += e.At - from;
                pausedAt = null;
            }
        }

        return pausedAt is { } open ? total + (now - open) : total;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : Min(a.Value, b.Value);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
