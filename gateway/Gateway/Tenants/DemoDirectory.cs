namespace EscalationPlatform.Gateway.Tenants;

/// <summary>The demo tenant's organisation, as its managers would write it through the APIs: teams for every issue
/// type with members and a lead, a routing rule for technical S1s, an on-call schedule for technical support, a
/// "major incident" escalation policy (no team pages the schedule or follows the policy until a manager says so),
/// and customers of every tier, so that the README walk-through can name them by id.</summary>
public static class DemoDirectory
{
    private sealed record Team(string Id, string Name, string TimeZone, string[] DefaultFor, (string Id, string Name, string TimeZone)[] Members);

    private static readonly Team[] Teams =
    [
        new("technical-support", "Technical support", "Europe/Berlin", ["technical", "other"],
            [("margaret", "Margaret Hamilton", "Europe/Berlin"), ("ada", "Ada Lovelace", "Europe/London"), ("grace", "Grace Hopper", "America/New_York"), ("linus", "Linus Torvalds", "Europe/Helsinki")]),
        new("billing", "Billing", "Europe/London", ["billing"],
            [("fibonacci", "Leonardo Fibonacci", "Europe/Rome"), ("pacioli", "Luca Pacioli", "Europe/Rome"), ("lovelock", "Ada Lovelock", "Europe/London")]),
        new("access-management", "Access management", "America/New_York", ["access"],
            [("diffie", "Whitfield Diffie", "America/Los_Angeles"), ("hellman", "Martin Hellman", "America/Los_Angeles"), ("rivest", "Ron Rivest", "America/New_York")]),
        new("security-response", "Security response", "Europe/Berlin", ["security"],
            [("schneier", "Bruce Schneier", "America/New_York"), ("rejewski", "Marian Rejewski", "Europe/Warsaw"), ("turing", "Alan Turing", "Europe/London"), ("shamir", "Adi Shamir", "Asia/Jerusalem")]),
        new("legal", "Legal", "Europe/Paris", ["legal"],
            [("ginsburg", "Ruth Bader Ginsburg", "America/New_York"), ("portia", "Portia Chen", "Asia/Singapore"), ("cicero", "Marcus Cicero", "Europe/Rome")]),
    ];

    private static readonly (string Id, string Name, string Tier, bool ContractualSla, string TimeZone)[] Customers =
    [
        ("acme", "Acme Corporation", "strategic", true, "Europe/Berlin"),
        ("umbrella", "Umbrella Health", "strategic", true, "Europe/London"),
        ("globex", "Globex", "premium", true, "America/New_York"),
        ("hooli", "Hooli", "premium", false, "America/Los_Angeles"),
        ("initech", "Initech", "standard", false, "America/Chicago"),
        ("soylent", "Soylent", "standard", false, "Asia/Singapore"),
    ];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    /// <summary>Each request in order (teams before what names their members): the service's cluster, the path and
    /// the document PUT there.</summary>
    public static IEnumerable<(string Cluster, string Path, object Document)> For(string tenant)
    {
        foreach (var team in Teams)
        {
            yield return ("routing", $"/api/v1/routing/teams/{team.Id}", new
            {
                name = team.Name, timeZone = team.TimeZone, leadMemberId = team.Members[0].Id, defaultFor = team.DefaultFor,
                members = team.Members.Select(member => new
                {
                    id = member.Id, name = member.Name, email = $"{member.Id}@{tenant}.example", timeZone = member.TimeZone, capacity = 20,
                    workingHours = Weekdays.Select(day => new { day, opens = "09:00", closes = "17:00" }),
                }),
            });
        }

        yield return ("routing", "/api/v1/routing/schedules/technical-support-on-call", new
        {
            name = "Technical support on-call", timeZone = "Europe/Berlin",
            layers = new[] { new { name = "weekly", start = "2026-01-05T09:00", rotation = "7.00:00:00", participants = new[] { "ada", "grace", "linus" } } },
        });
        yield return ("routing", "/api/v1/routing/escalation-policies/major-incident", new
        {
            name = "Major incident",
            levels = new object[]
            {
                new { target = "owner" }, new { target = "backup" },
                new { target = "schedule", id = "technical-support-on-call", when = new { severities = new[] { "S1", "S2" } } },
                new { target = "team-lead" },
            },
            repeats = 1,
        });
        foreach (var customer in Customers)
        {
            yield return ("intake", $"/api/v1/escalations/customers/{customer.Id}", new
            {
                name = customer.Name, tier = customer.Tier, contractualSla = customer.ContractualSla, timeZone = customer.TimeZone,
                contacts = new[] { new { name = $"{customer.Name} support desk", email = $"support@{customer.Id}.{tenant}.example" } },
            });
        }
    }

    /// <summary>The routing rules: technical S1s go to technical support (the issue types' default teams take the rest).</summary>
    public static readonly object Rules = new
    {
        rules = new[] { new { name = "major incidents", teamId = "technical-support", issueType = "technical", severity = "S1" } },
    };
}
