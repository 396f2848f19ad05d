using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>A tenant nobody seeded describes a team through the gateway, and its cases are offered to that team's
/// members; a change needs the version read, bad input is named field by field and saves nothing, and every change
/// is kept with who made it.</summary>
public sealed class DirectoryTests(PlatformFixture platform)
{
    private const string Path = "/api/v1/routing/teams/support";

    private static object Team(string name = "Support", params string[] members) => new
    {
        name,
        timeZone = "Europe/Vienna",
        leadMemberId = "lena",
        defaultFor = new[] { "technical", "other" },
        members = (members.Length == 0 ? ["lena", "ana", "ben"] : members).Select(id => new
        {
            id, name = $"{char.ToUpperInvariant(id[0])}{id[1..]}", email = $"{id}@directory.example", timeZone = "Europe/Vienna", capacity = 10,
            skills = new[] { "exports" }, workingHours = new[] { new { day = "monday", opens = "08:00", closes = "16:00" } },
        }),
    };

    [Fact]
    public async Task A_team_created_through_the_api_takes_the_tenants_cases_and_changes_need_the_version_read()
    {
        using var api = platform.Escalations(Tenants.Directory);
        using var created = await api.SendAsync(HttpMethod.Put, Path, Team());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var etag = created.Headers.ETag!.Tag;

        var id = await api.SubmitAsync(Cases.FirstCase());
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned", "offered");
        Assert.Equal("support", offered.GetProperty("team").GetProperty("id").GetString());
        Assert.Contains(offered.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString(), new[] { "ana", "ben" });

        using (var withoutVersion = await api.SendAsync(HttpMethod.Put, Path, Team("Support desk")))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, withoutVersion.StatusCode);
        }

        using (var renamed = await api.SendAsync(HttpMethod.Put, Path, Team("Support desk", "lena", "ana", "ben", "cho"), ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            var team = await renamed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(("Support desk", 4), (team.GetProperty("name").GetString(), team.GetProperty("members").GetArrayLength()));
        }

        using (var stale = await api.SendAsync(HttpMethod.Put, Path, Team("Old name"), ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        var changes = await api.JsonAsync(HttpMethod.Get, $"{Path}/changes");
        Assert.Equal(["replaced", "created"], changes.EnumerateArray().Select(change => change.GetProperty("change").GetString()));
        Assert.All(changes.EnumerateArray(), change => Assert.Equal("e2e-admin", change.GetProperty("actorId").GetString()));
        Assert.Equal("Support desk", (await api.JsonAsync(HttpMethod.Get, Path)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_saves_nothing_and_a_person_belongs_to_one_team()
    {
        using var api = platform.Escalations(Tenants.Directory);
        using var bad = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/broken", new
        {
            name = "Broken", timeZone = "Mars/Olympus", leadMemberId = "ghost", defaultFor = new[] { "hardware" },
            members = new[] { new { id = "x", name = "X", email = "x@directory.example", timeZone = "UTC", capacity = 0 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(["defaultFor[0]", "leadMemberId", "members[0].capacity", "timeZone"], errors.EnumerateObject().Select(field => field.Name).Order());
        using (var nothing = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/teams/broken"))
        {
            Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        }

        await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/billing-desk", new
        {
            name = "Billing desk", timeZone = "UTC", leadMemberId = "bo", defaultFor = new[] { "billing" },
            members = new[] { "bo", "bea", "bill" }.Select(id => new { id, name = id, email = $"{id}@directory.example", timeZone = "UTC" }),
        });
        using var twice = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/second-desk", new
        {
            name = "Second desk", timeZone = "UTC", leadMemberId = "sue",
            members = new[] { "sue", "bea" }.Select(id => new { id, name = id, email = $"{id}@directory.example", timeZone = "UTC" }),
        });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var problem = await twice.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("bea is a member of team billing-desk", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("members[1].id", out _));
    }

    [Fact]
    public async Task An_agent_may_read_the_directory_but_not_change_it()
    {
        using var agent = await platform.GatewayAsAsync(Tenants.Directory, "agent");
        using var refused = await agent.PutAsJsonAsync("/api/v1/routing/teams/agents-own", Team(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Routing_rules_name_existing_teams_are_versioned_and_send_the_cases_they_match_to_their_team()
    {
        using var api = platform.Escalations(Tenants.Directory);
        using (await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/vip-desk", new
        {
            name = "VIP desk", timeZone = "UTC", leadMemberId = "vera",
            members = new[] { "vera", "vic", "val" }.Select(id => new { id, name = id, email = $"{id}@directory.example", timeZone = "UTC" }),
        }))
        {
        }

        using var read = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/rules");
        var version = read.Headers.ETag!.Tag;
        using (var unknown = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/rules", new { rules = new[] { new { name = "vip", teamId = "nowhere" } } }, ifMatch: version))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.StartsWith("one of the tenant's teams:", errors.GetProperty("rules[0].teamId")[0].GetString(), StringComparison.Ordinal);
        }

        using (var saved = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/rules",
            new { rules = new[] { new { name = "strategic customers", teamId = "vip-desk", tier = "strategic" } } }, ifMatch: version))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.NotEqual(version, saved.Headers.ETag!.Tag);
        }

        using (var stale = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/rules", new { rules = Array.Empty<object>() }, ifMatch: version))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        var id = await api.SubmitAsync(new
        {
            title = "A strategic customer's question", issueType = "other",
            customer = new { id = "big-one", name = "Big One", tier = "strategic", timeZone = "UTC" },
            impact = new { scope = "single-user", affectedCount = 1 }, urgency = new { workaroundAvailable = true },
        });
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned", "offered");
        Assert.Equal("vip-desk", offered.GetProperty("team").GetProperty("id").GetString());
        Assert.Contains("strategic customers", offered.GetProperty("timeline").ToString(), StringComparison.Ordinal);
        var versions = await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/rules/versions");
        Assert.Equal("strategic customers", versions[0].GetProperty("rules")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_team_list_pages_by_id_with_a_link_to_the_next_page()
    {
        using var api = platform.Escalations(Tenants.Lifecycle); // seeded with five demo teams
        using var first = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/teams?limit=3");
        var page = await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var next = first.Headers.GetValues("Link").Single();
        var rest = await api.JsonAsync(HttpMethod.Get, next[1..next.IndexOf('>', StringComparison.Ordinal)]);

        Assert.Equal(["access-management", "billing", "legal", "security-response", "technical-support"],
            page.EnumerateArray().Concat(rest.EnumerateArray()).Select(team => team.GetProperty("id").GetString()));
        using var bad = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/teams?after=Not%20a%20team");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
