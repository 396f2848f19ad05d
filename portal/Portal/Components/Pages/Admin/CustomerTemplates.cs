using System.Text.Json;

namespace EscalationPlatform.Portal.Components.Pages.Admin;

/// <summary>What a new customer starts as in the editor: the shape the directory takes, with placeholders to replace.</summary>
public static class CustomerTemplates
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string New(string customerId) => JsonSerializer.Serialize(new
    {
        name = customerId,
        tier = "standard",
        contractualSla = false,
        timeZone = "Europe/Berlin",
        status = "active",
        contacts = new[] { new { name = "Replace with the customer's contact", email = $"support@{customerId}.example", role = "IT lead" } },
        accountTeam = new[] { new { name = "Replace with the account manager", email = "account.manager@example.com", role = "account manager" } },
    }, Indented);
}
