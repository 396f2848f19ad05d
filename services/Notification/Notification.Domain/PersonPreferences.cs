namespace Notification.Domain;

/// <summary>How a person wants to be told (SPEC §7): by email, in the portal's in-app feed, or both, and their quiet
/// hours, on their own clock (<paramref name="TimeZone"/>, IANA; the times in their mail are given in it too).
/// Urgent notices (S1/S2 and breaches) always come by email, whatever is chosen here.</summary>
public sealed record PersonPreferences(bool Email = true, bool InApp = true, QuietHours? QuietHours = null, string TimeZone = "UTC")
{
    public static PersonPreferences Default { get; } = new();

    /// <summary>What is wrong, each named by its field, in words; empty when they can be saved.</summary>
    public static IReadOnlyDictionary<string, string[]> Check(PersonPreferences preferences)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(preferences.TimeZone ?? "", out _))
        {
            errors["timeZone"] = ["Give an IANA time zone, for example Europe/Berlin or America/New_York."];
        }

        if (preferences.QuietHours is { IsEmpty: true })
        {
            errors["quietHours"] = ["Quiet hours that start when they end are none: leave them out instead."];
        }

        return errors;
    }
}
