using EscalationPlatform.Web.Validation;

namespace Sla.Api.Policies;

/// <summary>Business hours by day name ("monday"), and what makes them usable: a calendar with no open day, or a
/// day that opens when it closes, has no working time, and every business-hours clock on it would never fire.</summary>
public static class DayNames
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static DayOfWeek? Parse(string name) => Week.Cast<DayOfWeek?>().FirstOrDefault(day => string.Equals(Name(day!.Value), name, StringComparison.OrdinalIgnoreCase));

    public static void ValidateHours(IReadOnlyDictionary<string, IReadOnlyList<TimeOnly>> hours, ValidationErrors errors)
    {
        if (hours.Count == 0)
        {
            errors.Add("businessHours", "at least one open day, such as \"monday\": [\"09:00\", \"17:00\"]; a calendar with no working time never reaches a target");
            return;
        }

        var seen = new HashSet<DayOfWeek>();
        foreach (var (name, times) in hours)
        {
            var field = $"businessHours.{Shorten(name)}";
            if (Parse(name) is not { } day)
            {
                errors.Add(field, $"not a day: use {string.Join(", ", Week.Select(Name))}");
            }
            else if (!seen.Add(day))
            {
                errors.Add(field, $"{Name(day)} is given more than once");
            }

            if (times is not { Count: 2 } || times[0] >= times[1])
            {
                errors.Add(field, "[open, close] with open before close, times between 00:00 and 23:59");
            }
        }
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40];
}
