using System.Text.Json;

namespace EscalationPlatform.Portal.Components.Pages.Admin;

/// <summary>What a new escalation policy starts as in the editor: owner, backup, a person for S1 and S2 only, the team
/// lead, once more from the top; the person is a placeholder to replace.</summary>
public static class EscalationPolicyTemplates
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string New(string policyId) => JsonSerializer.Serialize(new
    {
        name = policyId,
        levels = new object[]
        {
            new { target = "owner" },
            new { target = "backup", delay = "00:15:00" },
            new { target = "person", id = "replace-with-a-member-id", when = new { severities = new[] { "S1", "S2" } } },
            new { target = "team-lead" },
        },
        repeats = 1,
    }, Indented);
}
