using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>Escalation policies in a tenant set up through the API: a team follows its own policy (a level that does
/// not apply to the case's severity is passed over, a schedule puts a member of another team on call, the levels
/// repeat), and at the top the case is flagged and its team lead and leadership are told; bad policies, loops among
/// them included, are named field by field and nothing is saved.</summary>
public sealed class EscalationPolicyTests(PlatformFixture platform)
{
    private static readonly string Today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'00:00", CultureInfo.InvariantCulture);

    private static object Team(string name, string lead, string[] members, string[] defaultFor, string? escalationPolicyId = null) => new
    {
        name, timeZone = "UTC", leadMemberId = lead, defaultFor, escalationPolicyId,
        members = members.Select(member => new { id = member, name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(member), email = $"{member}@policies.example", timeZone = "UTC" }),
    };

    [Fact]
    public async Task A_team_follows_its_policy_through_skipped_levels_an_on_call_schedule_and_a_repeat_to_the_top_where_the_case_is_flagged_and_leadership_told()
    {
        await platform.ProvisionAsync(Tenants.Policies);
        using var api = platform.Escalations(Tenants.Policies);
        Assert.True((await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/managers", Team("Managers", "vera", ["vera", "carl", "cleo"], []))).IsSuccessStatusCode);
        Assert.True((await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/ops", Team("Ops", "lars", ["lars", "ana", "ben"], ["other"]))).IsSuccessStatusCode);
        Assert.True((await api.SendAsync(HttpMethod.Put, "/api/v1/routing/schedules/managers-on-call", new
        {
            name = "Managers on-call", timeZone = "UTC", layers = new[] { new { name = "daily", start = Today, rotation = "1.00:00:00", participants = new[] { "carl" } } },
        })).IsSuccessStatusCode);

        using (var created = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/escalation-policies/ops-policy", new
        {
            name = "Ops policy",
            levels = new object[]
            {
                new { target = "owner", delay = "00:00:02" },
                new { target = "person", id = "vera", delay = "00:00:02", when = new { severities = new[] { "S1" } } },
                new { target = "on-call-manager", id = "managers-on-call", delay = "00:00:02" },
            },
            repeats = 1,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var ops = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/teams/ops");
        Assert.True((await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/ops", Team("Ops", "lars", ["lars", "ana", "ben"], ["other"], "ops-policy"),
            ifMatch: ops.Headers.ETag!.Tag)).IsSuccessStatusCode);
        Assert.Equal("ops-policy", (await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/teams/ops")).Text("escalationPolicyId"));

        var id = await api.SubmitAsync(new
        {
            title = "Exports fail for one team", issueType = "other",
            customer = new { id = "policy-customer", name = "Policy Customer", tier = "standard", timeZone = "UTC" },
            impact = new { scope = "team" },
        });
        var flagged = await api.WaitForAsync(id, record => record.Text("flag") is not null, "the top of the policy", TimeSpan.FromSeconds(60));

        Assert.NotEqual("S1", flagged.Text("severity")); // so the vera level never applies
        Assert.Equal("top of the Ops policy escalation policy: 4 offers, none acknowledged", flagged.Text("flag"));
        Assert.Equal("assigned", flagged.Status()); // never dropped: still offered to the last person asked
        var offers = flagged.GetProperty("timeline").EnumerateArray().Where(entry => entry.Text("what") is "offered" or "offer-moved").Select(entry => entry.Text("detail")!).ToList();
        var owner = flagged.PersonId("owner")!;
        Assert.Equal([owner, "carl", owner, "carl"], offers.Select(detail => detail.Split(' ')[2].ToLowerInvariant()));
        Assert.Contains("(on-call-manager)", offers[1], StringComparison.Ordinal);
        Assert.Equal(("carl", "on-call-manager"), (flagged.GetProperty("offer").GetProperty("offeredTo").Text("id"), flagged.GetProperty("offer").Text("level")));
        Assert.Contains(flagged.GetProperty("timeline").EnumerateArray(), entry => entry.Text("what") == "top-of-policy");

        var key = flagged.Text("key")!;
        using var mail = platform.Mail();
        foreach (var told in new[] { $"leadership@{Tenants.Policies}.example", "lars@policies.example" })
        {
            await Eventually.ReachesAsync(() => mail.ToAsync(told, "unanswered at the top of its policy"), messages => messages.Any(message => message.Subject.Contains(key, StringComparison.Ordinal)),
                TimeSpan.FromSeconds(30), $"{told} told of the top of the policy");
        }
    }

    [Fact]
    public async Task Bad_policies_are_named_field_by_field_a_loop_is_refused_and_nothing_is_half_saved()
    {
        await platform.ProvisionAsync(Tenants.Policies);
        using var api = platform.Escalations(Tenants.Policies);
        Assert.True((await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/loopers", Team("Loopers", "lou", ["lou", "lia", "leo"], []))).IsSuccessStatusCode);

        using (var bad = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/escalation-policies/bad", new
        {
            name = "", levels = new object[] { new { target = "pager" }, new { target = "person", id = "nobody-here" }, new { target = "owner", delay = "00:00:00", when = new { days = new[] { "someday" } } } },
            repeats = 9, continueWith = "nowhere",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.Equal(["continueWith", "levels[0].target", "levels[1].id", "levels[2].delay", "levels[2].when.days", "name", "repeats"],
                errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
            Assert.Contains("one of owner, backup, team-lead, person, schedule, on-call-manager, team", errors.GetProperty("levels[0].target")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies/bad")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(HttpMethod.Put, "/api/v1/routing/escalation-policies/second", new { name = "Second", levels = new[] { new { target = "team-lead" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(HttpMethod.Put, "/api/v1/routing/escalation-policies/first", new { name = "First", levels = new[] { new { target = "owner" } }, continueWith = "second" })).StatusCode);
        using var second = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies/second");
        using (var loop = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/escalation-policies/second", new { name = "Second", levels = new[] { new { target = "team-lead" } }, continueWith = "first" },
            ifMatch: second.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
            var message = (await loop.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").GetProperty("continueWith")[0].GetString();
            Assert.StartsWith("second > first > second is a loop", message, StringComparison.Ordinal);
        }

        Assert.Null((await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies/second")).Text("continueWith"));

        using var first = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies/first");
        using (var used = await api.SendAsync(HttpMethod.Delete, "/api/v1/routing/escalation-policies/second", ifMatch: second.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.Conflict, used.StatusCode); // First continues with it
        }

        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Delete, "/api/v1/routing/escalation-policies/first", ifMatch: first.Headers.ETag!.Tag)).StatusCode);
        var changes = await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies/first/changes");
        Assert.Equal(["deleted", "created"], changes.EnumerateArray().Select(change => change.Text("change")));

        using (var unknown = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/loopers", Team("Loopers", "lou", ["lou", "lia", "leo"], [], "first"),
            ifMatch: (await api.SendAsync(HttpMethod.Get, "/api/v1/routing/teams/loopers")).Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("escalationPolicyId", (await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        }
    }
}
