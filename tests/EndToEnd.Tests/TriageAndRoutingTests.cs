using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Triage holding back an incomplete case, and routing moving an unanswered offer up the escalation policy.</summary>
public sealed class TriageAndRoutingTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_case_missing_its_required_facts_waits_for_them_and_continues_once_they_are_added()
    {
        using var api = platform.Escalations(Tenants.MissingFacts);
        var id = await api.SubmitAsync(Cases.TeamProblemWithoutFacts());

        var waiting = await api.WaitForAsync(id, r => r.Status() == "needs-information", "needs information");
        var missing = waiting.GetProperty("missingContext").EnumerateArray().Select(fact => fact.GetProperty("id").GetString()).ToList();
        Assert.Equal(["error-or-logs", "reproduction-steps", "affected-service", "first-seen"], missing);
        Assert.Equal("submitter", waiting.GetProperty("nextAction").GetProperty("who").GetString());
        Assert.False(waiting.TryGetProperty("owner", out _), "nobody owns an incomplete case yet");

        await api.DoAsync(id, "context", new
        {
            context = new
            {
                errorMessages = new[] { "ERR_EXPORT_TIMEOUT" },
                reproductionSteps = "Export a year of data",
                affectedServices = new[] { "reporting" },
                firstSeenAt = DateTimeOffset.UtcNow.AddHours(-3),
            },
        });

        var owned = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned after the facts arrived");
        Assert.Empty(owned.GetProperty("missingContext").EnumerateArray());
        Assert.Equal("S3", owned.GetProperty("severity").GetString());
        Assert.Equal("technical-support", owned.GetProperty("team").GetProperty("id").GetString());
        Assert.Single(owned.Timeline("context-added"));
        Assert.Contains(owned.Timeline("triaged"), entry => entry.Text("from") == "needs-information");
    }

    [Fact]
    public async Task An_S1_missing_facts_is_routed_at_once_and_flagged_handoff_incomplete()
    {
        using var api = platform.Escalations(Tenants.MissingFacts);
        var id = await api.SubmitAsync(new
        {
            title = "Suspicious admin logins",
            issueType = "security",
            customer = new { id = "hooli" },
            urgency = new { securityExposure = true },
        });

        var owned = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        Assert.True(owned.GetProperty("handoffIncomplete").GetBoolean());
        Assert.Equal(3, owned.GetProperty("missingContext").GetArrayLength());
        Assert.Single(owned.Timeline("handoff-incomplete"));
    }

    [Fact]
    public async Task Sentiment_never_raises_severity()
    {
        using var api = platform.Escalations(Tenants.MissingFacts);

        var calm = await api.JsonAsync(HttpMethod.Post, "/api/v1/triage/preview", Preview("calm"));
        var angry = await api.JsonAsync(HttpMethod.Post, "/api/v1/triage/preview", Preview("angry"));

        Assert.Equal(calm.GetProperty("severity").GetString(), angry.GetProperty("severity").GetString());
        Assert.Equal("S4", angry.GetProperty("severity").GetString());

        static object Preview(string sentiment) => new
        {
            issueType = "other",
            customer = new { id = "c1", name = "C1", tier = "standard", timeZone = "Europe/Paris" },
            impact = new { scope = "single-user" },
            urgency = new { workaroundAvailable = true },
            sentiment,
        };
    }

    [Fact]
    public async Task An_offer_nobody_acknowledges_moves_to_the_backup_and_the_owner_stays_owner_until_the_backup_accepts()
    {
        using var api = platform.Escalations(Tenants.AcknowledgementWindow);
        await api.JsonAsync(HttpMethod.Put, "/api/v1/routing/escalation-policy", new
        {
            acknowledgementWindows = new Dictionary<string, string> { ["S1"] = "00:00:02", ["S2"] = "00:00:02", ["S3"] = "00:00:02", ["S4"] = "00:00:02" },
        });
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var assigned = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        var owner = assigned.PersonId("owner")!;
        var backup = assigned.PersonId("backup")!;

        var moved = await api.WaitForAsync(id, r => r.Timeline("offer-moved").Any(), "the offer moved");
        var entry = moved.Timeline("offer-moved").First();
        Assert.Equal("routing", entry.GetProperty("actor").GetProperty("id").GetString());
        Assert.Contains("no acknowledgement within 2 seconds", entry.Text("reason"), StringComparison.Ordinal);
        Assert.Equal(owner, moved.PersonId("owner"));

        var offer = await api.WaitForAsync(id, r => r.TryGetProperty("offer", out var o) && o.GetProperty("level").GetString() == "backup", "offered to the backup");
        Assert.Equal(backup, offer.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString());

        using (var formerOwner = await api.CommandAsync(id, "acknowledge", actor: owner))
        {
            Assert.Equal(HttpStatusCode.Forbidden, formerOwner.StatusCode);
        }

        var accepted = await api.CommandAsync(id, "acknowledge", actor: backup);
        if (accepted.StatusCode == HttpStatusCode.Forbidden)
        {
            // the window ran out again meanwhile and the offer went on to the team lead: the lead accepts instead
            var lead = (await api.GetAsync(id)).GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString()!;
            accepted = await api.CommandAsync(id, "acknowledge", actor: lead);
            backup = lead;
        }

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        accepted.Dispose();
        var owned = await api.GetAsync(id);
        Assert.Equal("acknowledged", owned.Status());
        Assert.Equal(backup, owned.PersonId("owner"));
        Assert.Contains("handed over", owned.Timeline("acknowledged").Single().Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_outside_the_allowed_range_is_refused_naming_the_severity()
    {
        using var api = platform.Escalations(Tenants.AcknowledgementWindow);

        using var response = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/escalation-policy",
            new { acknowledgementWindows = new Dictionary<string, string> { ["S2"] = "00:00:00" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("acknowledgementWindows.S2", out _), errors.ToString());
    }
}
