using System.Globalization;
using System.Text.Json;

namespace EscalationPlatform.Portal.Components.Pages.Admin;

/// <summary>What a new on-call schedule starts as in the editor: one weekly layer from today's 09:00, with placeholders.</summary>
public static class ScheduleTemplates
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string New(string scheduleId, DateOnly today) => JsonSerializer.Serialize(new
    {
        name = scheduleId,
        timeZone = "Europe/Berlin",
        layers = new object[]
        {
            new
            {
                name = "weekly",
                start = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00",
                rotation = "7.00:00:00",
                participants = new[] { "replace-with-a-member-id", "and-another" },
                restrictions = Array.Empty<object>(),
            },
        },
        overrides = Array.Empty<object>(),
    }, Indented);
}
