using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>The knowledge base through the gateway: a lead publishes and edits a known error (versions, If-Match, its
/// history), a search and the triage preview find it by an error message with other numbers and ids, bad articles are
/// refused naming the field, an agent may read but not write, and another tenant never sees it.</summary>
public sealed class KnowledgeTests(PlatformFixture platform)
{
    private const string Articles = "/api/v1/triage/knowledge/articles";
    private const string Message = "Payment 4711 declined by gateway: token 0f8fad5b-d9cb-469f-a165-70867728950e expired at 2026-11-30T10:15:02Z";

    private static object Article(string title, string workaround = "Ask the customer to re-enter the card; the new token is valid for 30 days.") => new
    {
        title,
        symptoms = "Card payments are declined although the card is valid.",
        errorMessages = new[] { Message },
        productArea = "billing",
        affectedVersions = new[] { "5.2", "5.3" },
        workaround,
        owner = "dora",
    };

    private static object Preview(string errorMessage, string? productArea = "billing") => new
    {
        issueType = "billing",
        productArea,
        customer = new { id = "initech", name = "Initech", tier = "standard", timeZone = "UTC" },
        impact = new { scope = "single-user", affectedCount = 1 },
        urgency = new { workaroundAvailable = false },
        context = new { errorMessages = new[] { errorMessage } },
    };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string id, object article, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Articles}/{id}") { Content = JsonContent.Create(article) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_lead_publishes_a_known_error_that_search_and_the_triage_preview_find_by_an_error_message_with_other_numbers()
    {
        await platform.ProvisionAsync(Tenants.Knowledge);
        await platform.ProvisionAsync(Tenants.KnowledgeOther);
        using var lead = await platform.GatewayAsAsync(Tenants.Knowledge, "lead");
        using var api = platform.Escalations(Tenants.Knowledge);
        var id = $"expired-card-token-{Guid.NewGuid():N}"[..40];

        using (var created = await PutAsync(lead, id, Article("Card token expired after the 5.2 upgrade")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
            var body = await JsonAsync(created);
            Assert.Equal(["payment <n> declined by gateway: token <id> expired at <time>"], body.GetProperty("signatures").EnumerateArray().Select(signature => signature.GetString()));
        }

        using (var unseen = await PutAsync(lead, id, Article("Card token expired")))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, unseen.StatusCode);
        }

        using (var stale = await PutAsync(lead, id, Article("Card token expired"), ifMatch: "\"0\""))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        using (var edited = await PutAsync(lead, id, Article("Card token expired after the upgrade to 5.2"), ifMatch: "\"1\""))
        {
            Assert.Equal((HttpStatusCode.OK, "\"2\""), (edited.StatusCode, edited.Headers.ETag!.Tag));
        }

        var history = await api.JsonAsync(HttpMethod.Get, $"{Articles}/{id}/versions");
        Assert.Equal([(2, "edited", "Card token expired after the upgrade to 5.2"), (1, "created", "Card token expired after the 5.2 upgrade")],
            history.EnumerateArray().Select(version => (version.GetProperty("version").GetInt32(), version.Text("change"),
                version.GetProperty("document").Text("title"))));

        // The same error with other numbers, ids and times: found first, with why.
        var sameError = "Payment 12 declined by gateway: token 7c9e6679-7425-40de-944b-e07fc1f90ae7 expired at 2026-12-01T08:00:00Z";
        var found = await api.JsonAsync(HttpMethod.Get, $"{Articles}?q={Uri.EscapeDataString(sameError)}");
        var best = found.GetProperty("items")[0];
        Assert.Equal(id, best.Text("id"));
        Assert.True(best.GetProperty("score").GetDouble() >= 0.75, best.ToString());
        Assert.Contains("the same error message (numbers, ids and times aside)", best.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()));

        var preview = await api.JsonAsync(HttpMethod.Post, "/api/v1/triage/preview", Preview(sameError));
        var suggestion = preview.GetProperty("suggestions")[0];
        Assert.Equal((id, "Ask the customer to re-enter the card; the new token is valid for 30 days."), (suggestion.Text("articleId"), suggestion.Text("workaround")));
        Assert.True(suggestion.GetProperty("score").GetDouble() >= 0.95, suggestion.ToString()); // same signature, its words, its product area
        Assert.Empty((await api.JsonAsync(HttpMethod.Post, "/api/v1/triage/preview", Preview("Printer on floor 3 is out of paper", productArea: null)))
            .GetProperty("suggestions").EnumerateArray());

        // Regular-expression and query syntax are only text.
        var odd = await api.JsonAsync(HttpMethod.Get, $"{Articles}?q={Uri.EscapeDataString("(a+)+$ & | ! :* ' \\ <-> " + sameError)}");
        Assert.Equal(id, odd.GetProperty("items")[0].Text("id"));

        // Another tenant with the same message sees only its own.
        using var other = platform.Escalations(Tenants.KnowledgeOther);
        using var otherLead = await platform.GatewayAsAsync(Tenants.KnowledgeOther, "lead");
        using (var own = await PutAsync(otherLead, "their-card-error", Article("Their own card error")))
        {
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }

        var theirs = await other.JsonAsync(HttpMethod.Get, $"{Articles}?q={Uri.EscapeDataString(sameError)}");
        Assert.Equal(["their-card-error"], theirs.GetProperty("items").EnumerateArray().Select(item => item.Text("id")));
        using (var notTheirs = await other.SendAsync(HttpMethod.Get, $"{Articles}/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        // Removed: no longer found, its history kept.
        using (var removed = await api.SendAsync(HttpMethod.Delete, $"{Articles}/{id}", ifMatch: "\"2\""))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.DoesNotContain((await api.JsonAsync(HttpMethod.Get, $"{Articles}?q={Uri.EscapeDataString(sameError)}")).GetProperty("items").EnumerateArray(),
            item => item.Text("id") == id);
        Assert.Equal("deleted", (await api.JsonAsync(HttpMethod.Get, $"{Articles}/{id}/versions"))[0].Text("change"));
    }

    [Fact]
    public async Task A_bad_article_is_refused_naming_the_field_and_an_agent_may_read_but_not_write()
    {
        await platform.ProvisionAsync(Tenants.Knowledge);
        using var lead = await platform.GatewayAsAsync(Tenants.Knowledge, "lead");

        using (var masks = await PutAsync(lead, "only-numbers", new { title = "Numbers", errorMessages = new[] { "4711 0x7ffe12ab" }, owner = "dora" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, masks.StatusCode);
            var errors = (await JsonAsync(masks)).GetProperty("errors");
            Assert.StartsWith("needs words beyond numbers", errors.GetProperty("errorMessages[0]")[0].GetString(), StringComparison.Ordinal);
        }

        using (var huge = await PutAsync(lead, "huge", new { title = new string('x', 201), symptoms = new string('s', 4_001), owner = "dora", status = "closed" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
            var errors = (await JsonAsync(huge)).GetProperty("errors");
            Assert.Equal(("at most 200 characters", "at most 4000 characters", "one of open, fixed"),
                (errors.GetProperty("title")[0].GetString(), errors.GetProperty("symptoms")[0].GetString(), errors.GetProperty("status")[0].GetString()));
        }

        using (var badId = await PutAsync(lead, "Not_A_Slug", Article("Bad id")))
        {
            Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
        }

        using var agent = await platform.GatewayAsAsync(Tenants.Knowledge, "agent");
        using (var refused = await PutAsync(agent, "agent-article", Article("An agent's article")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var list = await agent.GetAsync($"{Articles}?limit=51", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Equal("1 to 50", (await JsonAsync(list)).GetProperty("errors").GetProperty("limit")[0].GetString());
    }
}
