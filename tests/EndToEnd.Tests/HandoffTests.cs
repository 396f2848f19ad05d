using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Handoffs through the gateway in a tenant set up through the API: the owner asks someone else to take a
/// case; ownership moves only when they accept; a rejection keeps the owner, with the reason on the record; an
/// unanswered handoff asks the receiving team's lead and then ends with the owner still owning the case.</summary>
public sealed class HandoffTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly SemaphoreSlim SetUp = new(1, 1);
    private static bool _teamsExist;

    public async ValueTask InitializeAsync()
    {
        await SetUp.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_teamsExist)
            {
                await platform.ProvisionAsync(Tenants.Handoffs);
        using var api = platform.Escalations(Tenants.Handoffs);
                await PutTeamAsync(api, "support", "Support", "lena", ["lena", "ana", "ben"], defaultFor: ["other"]);
                await PutTeamAsync(api, "database", "Database", "dora", ["dora", "dan", "dee"], defaultFor: []);
                _teamsExist = true;
            }
        }
        finally
        {
            SetUp.Release();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task PutTeamAsync(EscalationsClient api, string id, string name, string lead, string[] members, string[] defaultFor)
    {
        using var response = await api.SendAsync(HttpMethod.Put, $"/api/v1/routing/teams/{id}", new
        {
            name, timeZone = "UTC", leadMemberId = lead, defaultFor,
            members = members.Select(member => new { id = member, name = member, email = $"{member}@handoffs.example", timeZone = "UTC" }),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static object Handoff(string? toMemberId = null, string? toTeamId = null, string? respondWithin = null) => new
    {
        toMemberId, toTeamId, respondWithin,
        reason = "the exports hit a database limit",
        contextSummary = "Exports time out for one customer since the upgrade.",
        actionsTaken = new[] { "restarted the export workers", "checked the export queue" },
    };

    /// <summary>A new case in the support team, acknowledged by the person it was offered to (its owner).</summary>
    private static async Task<(Guid Id, string Owner)> OwnedCaseAsync(EscalationsClient api, string title)
    {
        var id = await api.SubmitAsync(Cases.FirstCase(title));
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned", "offered");
        var owner = offered.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString()!;
        await api.DoAsync(id, "acknowledge", actor: owner);
        return (id, owner);
    }

    private static string Path(Guid id) => $"/api/v1/routing/escalations/{id}/handoffs";

    [Fact]
    public async Task The_owner_hands_a_case_to_a_person_who_accepts_and_owns_it_from_then_on()
    {
        await platform.ProvisionAsync(Tenants.Handoffs);
        using var api = platform.Escalations(Tenants.Handoffs);
        var (id, owner) = await OwnedCaseAsync(api, "Exports time out after the upgrade");
        var other = owner == "ana" ? "ben" : "ana";

        using (var notTheirs = await api.SendAsync(HttpMethod.Post, Path(id), Handoff(toMemberId: "dan"), actor: other))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }

        using (var incomplete = await api.SendAsync(HttpMethod.Post, Path(id), new { toMemberId = "dan", reason = "db", contextSummary = "x" }, actor: owner))
        {
            Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
            var errors = (await incomplete.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("actionsTaken", out _));
        }

        using var requested = await api.SendAsync(HttpMethod.Post, Path(id), Handoff(toMemberId: "dan"), actor: owner);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var handoff = await requested.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var handoffId = handoff.GetProperty("id").GetGuid();
        Assert.Equal(("proposed", "dan", "database"), (handoff.Text("state"), handoff.GetProperty("askedNow").Text("id"), handoff.GetProperty("toTeam").Text("id")));
        using (var second = await api.SendAsync(HttpMethod.Post, Path(id), Handoff(toTeamId: "database"), actor: owner))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }

        using (var notAsked = await api.SendAsync(HttpMethod.Post, $"{Path(id)}/{handoffId}/accept", actor: "dee"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAsked.StatusCode);
        }

        var stillTheirs = await api.WaitForAsync(id, record => record.Timeline("handoff-requested").Any(), "the request on the timeline");
        Assert.Equal(owner, stillTheirs.PersonId("owner"));
        Assert.True((await api.JsonAsync(HttpMethod.Get, Path(id), actor: "dan"))[0].GetProperty("canAnswer").GetBoolean());

        var accepted = await api.JsonAsync(HttpMethod.Post, $"{Path(id)}/{handoffId}/accept", actor: "dan");
        Assert.Equal("accepted", accepted.Text("state"));
        var handedOver = await api.WaitForAsync(id, record => record.PersonId("owner") == "dan", "dan owns it");
        Assert.Equal("database", handedOver.GetProperty("team").Text("id"));
        Assert.Contains("handed over from", handedOver.Timeline("handoff-accepted").Single().Text("detail"), StringComparison.Ordinal);
        // Routing's offer saga takes the same acceptance event on its own: its answer follows a moment later.
        var ownership = await EscalationPlatform.Testing.Eventually.ReachesAsync(
            () => api.JsonAsync(HttpMethod.Get, $"/api/v1/routing/escalations/{id}/ownership"),
            view => view.GetProperty("owner").Text("id") == "dan", EscalationsClient.PipelineTimeout, "routing names dan owner", TimeSpan.FromMilliseconds(100));
        Assert.Equal("dan", ownership.GetProperty("owner").Text("id"));
        await api.DoAsync(id, "actions", new { description = "raised the statement timeout" }, actor: "dan"); // the new owner works it
    }

    [Fact]
    public async Task A_team_member_rejects_a_handoff_with_a_reason_and_the_owner_keeps_the_case()
    {
        await platform.ProvisionAsync(Tenants.Handoffs);
        using var api = platform.Escalations(Tenants.Handoffs);
        var (id, owner) = await OwnedCaseAsync(api, "Reports are slow");
        var handoff = await api.JsonAsync(HttpMethod.Post, Path(id), Handoff(toTeamId: "database"), actor: owner);

        using (var noReason = await api.SendAsync(HttpMethod.Post, $"{Path(id)}/{handoff.GetProperty("id").GetGuid()}/reject", new { }, actor: "dee"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        var rejected = await api.JsonAsync(HttpMethod.Post, $"{Path(id)}/{handoff.GetProperty("id").GetGuid()}/reject",
            new { reason = "the slow part is the report renderer, not the database" }, actor: "dee");
        Assert.Equal("rejected", rejected.Text("state"));
        var record = await api.WaitForAsync(id, r => r.Timeline("handoff-rejected").Any(), "the rejection on the timeline");
        Assert.Equal(owner, record.PersonId("owner"));
        Assert.Equal("the slow part is the report renderer, not the database", record.Timeline("handoff-rejected").Single().Text("reason"));
    }

    [Fact]
    public async Task An_unanswered_handoff_asks_the_receiving_teams_lead_and_then_ends_with_the_owner_still_owning_the_case()
    {
        await platform.ProvisionAsync(Tenants.Handoffs);
        using var api = platform.Escalations(Tenants.Handoffs);
        var (id, owner) = await OwnedCaseAsync(api, "Backups fail at night");
        await api.JsonAsync(HttpMethod.Post, Path(id), Handoff(toMemberId: "dan", respondWithin: "00:00:05"), actor: owner);

        var movedUp = await api.WaitForAsync(id, record => record.Timeline("handoff-moved-up").Any(), "asked the lead", TimeSpan.FromSeconds(30));
        Assert.Contains("dora", movedUp.Timeline("handoff-moved-up").Single().Text("detail"), StringComparison.Ordinal);
        var ended = await api.WaitForAsync(id, record => record.Timeline("handoff-unanswered").Any(), "nobody took it", TimeSpan.FromSeconds(30));
        Assert.Equal(owner, ended.PersonId("owner"));
        Assert.Equal("expired", (await api.JsonAsync(HttpMethod.Get, Path(id)))[0].Text("state"));
    }
}
