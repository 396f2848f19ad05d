using System.Text.Json;

namespace EscalationPlatform.Portal.Components.Pages.Admin;

/// <summary>What a new team starts as in the editor: the shape the directory takes, with placeholders to replace.</summary>
public static class TeamTemplates
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string New(string teamId) => JsonSerializer.Serialize(new
    {
        name = teamId,
        timeZone = "Europe/Berlin",
        leadMemberId = "lead",
        defaultFor = Array.Empty<string>(),
        strategy = "round-robin", // or "least-loaded", "skills-match"
        escalationPolicyId = (string?)null, // an escalation policy's id; none: the tenant's "default" policy
        members = new[] { "lead", "first", "second" }.Select(id => new
        {
            id,
            name = $"Replace with the {id} member's name",
            email = $"{id}@example.com",
            timeZone = "Europe/Berlin",
            capacity = 10,
            available = true,
            skills = Array.Empty<string>(),
            workingHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, opens = "09:00", closes = "17:00" }),
        }),
    }, Indented);
}
