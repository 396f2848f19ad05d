namespace Notification.Domain;

/// <summary>A person's quiet hours, from <paramref name="From"/> to <paramref name="To"/> on their own clock
/// (22:00 to 07:00 runs overnight). Wall-clock times: on a day the clocks change, quiet hours still end at
/// <paramref name="To"/> local time (or, when that time does not exist that night, at the first minute that does).</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To)
{
    public bool IsEmpty => From == To;

    public bool Contains(DateTimeOffset at, TimeZoneInfo zone)
    {
        if (IsEmpty)
        {
            return false;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return From < To ? local >= From && local < To : local >= From || local < To;
    }

    /// <summary>When the quiet hours that hold <paramref name="at"/> end; <paramref name="at"/> itself when they do not
    /// hold it.</summary>
    public DateTimeOffset EndAfter(DateTimeOffset at, TimeZoneInfo zone)
    {
        if (!Contains(at, zone))
        {
            return at;
        }

        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var endDay = From > To && TimeOnly.FromDateTime(local) >= From ? day.AddDays(1) : day;
        var end = endDay.ToDateTime(To, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(end))
        {
            end = end.AddMinutes(1); // the clocks jumped over it: quiet hours end when the day's clock resumes
        }

        // An hour that happens twice (clocks back) ends at its first occurrence: the earlier instant.
        var offset = zone.IsAmbiguousTime(end) ? zone.GetAmbiguousTimeOffsets(end).Max() : zone.GetUtcOffset(end);
        return new DateTimeOffset(end, offset);
    }
}
