namespace Routing.Domain;

/// <summary>A time window a layer covers on the given days, in the schedule's time zone ("09:00" to "17:00").</summary>
public sealed record Restriction(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public bool Covers(DateTime local) => Days.Contains(local.DayOfWeek) && TimeOnly.FromDateTime(local) >= From && TimeOnly.FromDateTime(local) < To;
}

/// <summary>A rotation: from <see cref="Start"/> (wall-clock time in the schedule's zone) each participant in turn
/// for <see cref="Rotation"/>, handing over at the same wall-clock time whatever daylight saving does; with
/// restrictions, only within them.</summary>
public sealed record ScheduleLayer(string Name, DateTime Start, TimeSpan Rotation, IReadOnlyList<string> Participants, IReadOnlyList<Restriction> Restrictions)
{
    /// <summary>Who this layer puts on call at the wall-clock time <paramref name="local"/>; null outside it.</summary>
    public string? At(DateTime local)
    {
        if (local < Start || (Restrictions.Count > 0 && !Restrictions.Any(restriction => restriction.Covers(local))))
        {
            return null;
        }

        var turns = (local - Start).Ticks / Rotation.Ticks;
        return Participants[(int)(turns % Participants.Count)];
    }
}

/// <summary>Someone on call instead of the layers, from one instant to another.</summary>
public sealed record ScheduleOverride(string MemberId, DateTimeOffset From, DateTimeOffset To);

/// <summary>Who is on call from when to when, and why ("override", or the layer's name).</summary>
public sealed record OnCallShift(string MemberId, DateTimeOffset From, DateTimeOffset To, string Source);

/// <summary>An on-call schedule (SPEC section 5): layers, the later above the earlier, and overrides above them all.
/// Follow-the-sun is layers with restrictions whose participants sit in different teams and zones.</summary>
public sealed record OnCallSchedule(string Id, string Name, string TimeZone, IReadOnlyList<ScheduleLayer> Layers, IReadOnlyList<ScheduleOverride> Overrides)
{
    /// <summary>The longest window <see cref="Between"/> answers for.</summary>
    public static readonly TimeSpan LongestTimeline = TimeSpan.FromDays(31);

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Who is on call at <paramref name="at"/>: the last override covering it, else the highest layer that
    /// covers it; null when nobody is.</summary>
    public (string MemberId, string Source)? At(DateTimeOffset at)
    {
        if (Overrides.LastOrDefault(entry => entry.From <= at && at < entry.To) is { } covering)
        {
            return (covering.MemberId, "override");
        }

        var local = TimeZoneInfo.ConvertTime(at, Zone).DateTime;
        for (var layer = Layers.Count - 1; layer >= 0; layer--)
        {
            if (Layers[layer].At(local) is { } member)
            {
                return (member, Layers[layer].Name);
            }
        }

        return null;
    }

    /// <summary>The shifts from <paramref name="from"/> to <paramref name="to"/> (at most <see cref="LongestTimeline"/>):
    /// cut wherever an override, a hand-over or a restriction starts or ends, consecutive pieces of one person joined.</summary>
    public IReadOnlyList<OnCallShift> Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from || to - from > LongestTimeline)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"a window of up to {LongestTimeline.TotalDays} days after from");
        }

        var zone = Zone;
        var cuts = new SortedSet<DateTimeOffset> { from, to };
        void Cut(DateTimeOffset at)
        {
            if (at > from && at < to)
            {
                cuts.Add(at);
            }
        }

        DateTimeOffset Instant(DateTime local) =>
            new(TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone), TimeSpan.Zero);

        foreach (var entry in Overrides)
        {
            Cut(entry.From);
            Cut(entry.To);
        }

        var firstDay = TimeZoneInfo.ConvertTime(from, zone).DateTime.Date.AddDays(-1);
        var lastDay = TimeZoneInfo.ConvertTime(to, zone).DateTime.Date.AddDays(1);
        foreach (var layer in Layers)
        {
            var turn = Math.Max(0, (firstDay - layer.Start).Ticks / layer.Rotation.Ticks);
            for (var handover = layer.Start + (layer.Rotation * turn); handover <= lastDay.AddDays(1); handover += layer.Rotation)
            {
                Cut(Instant(handover));
            }

            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                foreach (var restriction in layer.Restrictions)
                {
                    Cut(Instant(day + restriction.From.ToTimeSpan()));
                    Cut(Instant(day + restriction.To.ToTimeSpan()));
                }
            }
        }

        var shifts = new List<OnCallShift>();
        var edges = cuts.ToList();
        for (var index = 0; index < edges.Count - 1; index++)
        {
            if (At(edges[index]) is not { } onCall)
            {
                continue;
            }

            if (shifts.Count > 0 && shifts[^1] is { } last && last.MemberId == onCall.MemberId && last.Source == onCall.Source && last.To == edges[index])
            {
                shifts[^1] = last with { To = edges[index + 1] };
            }
            else
            {
                shifts.Add(new OnCallShift(onCall.MemberId, edges[index], edges[index + 1], onCall.Source));
            }
        }

        return shifts;
    }
}
