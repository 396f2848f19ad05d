namespace Sla.Domain;

/// <summary>Opening hours per weekday, in local (wall-clock) time.</summary>
public sealed record BusinessHours(IReadOnlyDictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)> Days)
{
    /// <summary>Monday to Friday, 09:00 to 17:00.</summary>
    public static readonly BusinessHours Weekdays9To5 = new(
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(day => day, _ => (new TimeOnly(9, 0), new TimeOnly(17, 0))));

    /// <summary>The working time of one full business day (the longest day), what "1 business day" means.</summary>
    public TimeSpan LongestDay => Days.Count == 0 ? TimeSpan.Zero : Days.Values.Max(hours => hours.Close - hours.Open);
}

/// <summary>Business hours in a time zone, closed on holidays. Each working day's hours are turned into instants in
/// that zone's local time, so a day with a daylight-saving change still has its full opening hours; an opening or
/// closing time that falls into a spring-forward gap moves to the first valid instant after it.</summary>
public sealed class BusinessHoursCalendar(TimeZoneInfo zone, BusinessHours hours, IReadOnlySet<DateOnly> holidays) : IWorkingCalendar
{
    /// <summary>A calendar with no working time at all would never reach a target; after ten years of looking, stop.</summary>
    private const int MaxDays = 3_660;

    public TimeZoneInfo Zone { get; } = zone;

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var (open, close) in Intervals(LocalDate(from)))
        {
            if (open >= to)
            {
                break;
            }

            var start = open > from ? open : from;
            var end = close < to ? close : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return from;
        }

        foreach (var (open, close) in Intervals(LocalDate(from)))
        {
            if (close <= from)
            {
                continue;
            }

            var start = open > from ? open : from;
            if (close - start >= amount)
            {
                return start + amount;
            }

            amount -= close - start;
        }

        throw new InvalidOperationException("The calendar has no working time in the next ten years.");
    }

    /// <summary>The working intervals, as instants, from the given local date on.</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> Intervals(DateOnly firstDay)
    {
        for (var day = firstDay; day < firstDay.AddDays(MaxDays); day = day.AddDays(1))
        {
            if (holidays.Contains(day) || !hours.Days.TryGetValue(day.DayOfWeek, out var opening))
            {
                continue;
            }

            yield return (Instant(day, opening.Open), Instant(day, opening.Close));
        }
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a local wall-clock time names. In a spring-forward gap it names none: take the first
    /// valid one after. Twice in a fall-back overlap: take the first (the earlier instant).</summary>
    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
