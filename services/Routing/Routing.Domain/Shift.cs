namespace Routing.Domain;

/// <summary>Whether a member is at work at a moment: the working day of that moment's weekday, in the member's own
/// time zone, is open then (opening time included, closing time not). A member without working hours is always on
/// shift; one whose time zone this machine does not know is taken to be on shift rather than never routed to.</summary>
public static class Shift
{
    public static bool Covers(IEnumerable<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> workingHours, string timeZone, DateTimeOffset at)
    {
        var days = workingHours.ToList();
        if (days.Count == 0 || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return days.Any(day => day.Day == local.DayOfWeek && time >= day.Opens && time < day.Closes);
    }
}
