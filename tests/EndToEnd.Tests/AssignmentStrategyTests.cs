using System.Net;

namespace EndToEnd.Tests;

/// <summary>Teams set up through the API with a strategy other than round-robin: least-loaded gives the next case to
/// whoever has least open work, skills-match to whoever has most of the case's skills, and a case nobody has the
/// skills for is unroutable with that reason on its record.</summary>
public sealed class AssignmentStrategyTests(PlatformFixture platform)
{
    private static object Member(string id, params string[] skills) =>
        new { id, name = id, email = $"{id}@strategies.example", timeZone = "UTC", capacity = 10, skills };

    private static object Case(string title, string? productArea, params string[] tags) => new
    {
        title,
        issueType = "other",
        productArea,
        tags,
        customer = new { id = "strategy-customer", name = "Strategy Customer", tier = "standard", timeZone = "UTC" },
        impact = new { scope = "single-user", affectedCount = 1 },
        urgency = new { workaroundAvailable = true },
    };

    private static (string Owner, string Backup) OwnerAndBackup(System.Text.Json.JsonElement record) =>
        (record.GetProperty("owner").GetProperty("id").GetString()!, record.GetProperty("backup").GetProperty("id").GetString()!);

    [Fact]
    public async Task Least_loaded_and_skills_match_teams_name_owner_and_backup_by_their_strategy_and_say_when_nobody_has_the_skills()
    {
        await platform.ProvisionAsync(Tenants.Strategies);
        using var api = platform.Escalations(Tenants.Strategies);
        using (var desk = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/desk", new
        {
            name = "Desk", timeZone = "UTC", leadMemberId = "dora", defaultFor = new[] { "other" }, strategy = "least-loaded",
            members = new[] { Member("dora"), Member("ana"), Member("ben") },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, desk.StatusCode);
        }

        using (var experts = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/experts", new
        {
            name = "Experts", timeZone = "UTC", leadMemberId = "eva", strategy = "skills-match",
            members = new[] { Member("eva"), Member("sam", "sso"), Member("tia", "billing"), Member("uma", "SSO", "mobile") },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, experts.StatusCode);
        }

        using var rules = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/rules");
        using (var saved = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/rules", new
        {
            rules = new object[]
            {
                new { name = "mobile", teamId = "experts", productArea = "mobile" },
                new { name = "legacy", teamId = "experts", tag = "legacy" },
            },
        }, ifMatch: rules.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var first = await api.WaitForAsync(await api.SubmitAsync(Case("First for the desk", null)), record => record.Status() == "assigned", "offered");
        Assert.Equal(("ana", "ben"), OwnerAndBackup(first)); // nobody has work: by id
        Assert.Contains("least loaded in Desk", first.GetProperty("timeline").ToString(), StringComparison.Ordinal);
        var second = await api.WaitForAsync(await api.SubmitAsync(Case("Second for the desk", null)), record => record.Status() == "assigned", "offered");
        Assert.Equal(("ben", "ana"), OwnerAndBackup(second)); // ana holds the first

        var mobile = await api.WaitForAsync(await api.SubmitAsync(Case("Sign-in fails in the app", "mobile", "sso")), record => record.Status() == "assigned", "offered");
        Assert.Equal(("uma", "sam"), OwnerAndBackup(mobile)); // uma has mobile and sso, sam sso
        Assert.Contains("best skills match in Experts", mobile.GetProperty("timeline").ToString(), StringComparison.Ordinal);

        var legacy = await api.WaitForAsync(await api.SubmitAsync(Case("The old importer", null, "legacy")),
            record => record.TryGetProperty("unroutableReason", out var reason) && reason.GetString() is not null, "unroutable");
        Assert.Equal("nobody available in Experts has any of the skills this case needs (legacy, other)", legacy.GetProperty("unroutableReason").GetString());
    }
}
