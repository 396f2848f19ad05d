using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>Insights (SPEC section 8) through the gateway: a small scripted day in a tenant of its own, and the exact
/// numbers it gives (times computed from the records' own timelines), the same again after a rebuild from intake's
/// history; the customer's rating link, once.</summary>
public sealed partial class InsightsTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string Customer = "blue-yonder";

    /// <summary>The customer's contact, one mailbox per tenant: keys are numbered per tenant, so another tenant's closing
    /// mail for a case of the same key must not be taken for this one's.</summary>
    private static string CustomerEmail(string tenant) => $"it@{tenant}.blue-yonder.example";

    private static object Question(string title, bool workaround = false, int actions = 0, DateTimeOffset? firstSeen = null) => new
    {
        title,
        issueType = "other",
        customer = new { id = Customer },
        impact = new { scope = "single-user", affectedCount = 1 },
        urgency = new { workaroundAvailable = workaround },
        context = new { firstSeenAt = firstSeen },
        actionsTaken = Enumerable.Range(1, actions).Select(action => $"frontline attempt {action}").ToArray(),
    };

    private static object Handoff(string toMemberId) => new
    {
        toMemberId,
        reason = "needs the other team",
        contextSummary = "Handed over by the insights test.",
        actionsTaken = new[] { "looked at it" },
    };

    private static async Task PutTeamAsync(EscalationsClient api, string id, string lead, string[] members, string[] defaultFor)
    {
        using var response = await api.SendAsync(HttpMethod.Put, $"/api/v1/routing/teams/{id}", new
        {
            name = id, timeZone = "UTC", leadMemberId = lead, defaultFor,
            members = members.Select(member => new { id = member, name = member, email = $"{member}@insights.example", timeZone = "UTC" }),
        });
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.PreconditionRequired,
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The tenant's two teams and its customer (in the directory, so that the customer is written to).</summary>
    private static async Task SetUpAsync(PlatformFixture platform, EscalationsClient api)
    {
        await platform.ProvisionAsync(api.Tenant);
        await PutTeamAsync(api, "support", "lena", ["lena", "ana", "ben"], ["other", "technical"]);
        await PutTeamAsync(api, "database", "dora", ["dora", "dan", "dee"], []);
        using var customer = await api.SendAsync(HttpMethod.Put, $"/api/v1/escalations/customers/{Customer}", new
        {
            name = "Blue Yonder", tier = "standard", contractualSla = false, timeZone = "UTC",
            contacts = new[] { new { name = "Io Tanaka", email = CustomerEmail(api.Tenant), role = "IT lead" } },
        });
        Assert.True(customer.IsSuccessStatusCode || customer.StatusCode == HttpStatusCode.PreconditionRequired, $"{(int)customer.StatusCode}");
    }

    private static async Task<(Guid Id, string Owner)> OwnedAsync(EscalationsClient api, object question)
    {
        var id = await api.SubmitAsync(question);
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned", "offered", Patience);
        var owner = offered.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString()!;
        await api.DoAsync(id, "acknowledge", actor: owner);
        return (id, owner);
    }

    private static async Task<string> HandOverAsync(EscalationsClient api, Guid id, string owner, string to)
    {
        var path = $"/api/v1/routing/escalations/{id}/handoffs";
        var requested = await api.JsonAsync(HttpMethod.Post, path, Handoff(to), actor: owner);
        await api.WaitForAsync(id, record => record.Timeline("handoff-requested").Count() > record.Timeline("handoff-accepted").Count(), "the request", Patience);
        await api.JsonAsync(HttpMethod.Post, $"{path}/{requested.GetProperty("id").GetGuid()}/accept", actor: to);
        await api.WaitForAsync(id, record => record.PersonId("owner") == to, $"{to} owns it", Patience);
        await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, $"/api/v1/routing/escalations/{id}/ownership"),
            view => view.GetProperty("owner").Text("id") == to, Patience, $"routing names {to} owner", TimeSpan.FromMilliseconds(100));
        return to;
    }

    [Fact]
    public async Task A_scripted_day_gives_exact_times_compliance_bounces_and_timing_quality_and_a_rebuild_gives_the_same()
    {
        using var api = platform.Escalations(Tenants.Insights);
        await SetUpAsync(platform, api);
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);

        // 1. Answered, resolved with a fix, closed by the customer's side.
        var (closed, closedOwner) = await OwnedAsync(api, Question("Cannot export the invoice list"));
        await api.DoAsync(closed, "customer-updates", new { message = "We found the export setting." }, closedOwner);
        await api.DoAsync(closed, "resolve", new { kind = "fix", summary = "Export setting corrected" }, closedOwner);
        await api.WaitForAsync(closed, ResolutionMet, "resolution met", Patience);
        await api.DoAsync(closed, "confirm-closure");

        // 2. Frontline knew a workaround, and the workaround is what it came to; reopened once on the way.
        var (known, knownOwner) = await OwnedAsync(api, Question("Reports slow since Monday", workaround: true));
        await api.DoAsync(known, "actions", new { description = "compared the filtered report" }, knownOwner);
        await api.DoAsync(known, "resolve", new { kind = "workaround", summary = "Use the filtered report" }, knownOwner);
        await api.WaitForAsync(known, ResolutionMet, "resolution met", Patience);
        await api.DoAsync(known, "reopen", new { reason = "still slow" });
        await api.DoAsync(known, "actions", new { description = "checked the filtered report again" }, knownOwner);
        await api.DoAsync(known, "resolve", new { kind = "workaround", summary = "Use the filtered report" }, knownOwner);

        // 3. Handed in without the facts its checklist needs: returned for them.
        var incomplete = await api.SubmitAsync(new
        {
            title = "Exports fail", issueType = "technical",
            customer = new { id = Customer },
            impact = new { scope = "team" }, urgency = new { workaroundAvailable = true },
        });
        await api.WaitForAsync(incomplete, record => record.Status() == "needs-information", "returned for facts", Patience);

        // 4. Tried six times by frontline first, then handed between the teams three times.
        var (bouncing, first) = await OwnedAsync(api, Question("Sync stops at night", actions: 6));
        var second = await HandOverAsync(api, bouncing, first, "dan");
        var third = await HandOverAsync(api, bouncing, second, first == "ana" ? "ben" : "ana");
        await HandOverAsync(api, bouncing, third, "dee");

        // 5. Seen three days before it was handed in: most of the first-response target was gone.
        var late = await api.SubmitAsync(Question("Password reset mails never arrive", firstSeen: DateTimeOffset.UtcNow.AddDays(-3)));
        await api.WaitForAsync(late, record => record.Status() == "assigned", "offered", Patience);
        await api.WaitForAsync(closed, record => record.Status() == "closed", "closed", Patience);

        // Read once sla has met the first response of the three acknowledged cases (it tells the records a moment later).
        var cases = new[] { closed, known, incomplete, bouncing, late };
        var records = await Eventually.ReachesAsync(async () => await Task.WhenAll(cases.Select(api.GetAsync)),
            read => read.Count(record => FirstResponse(record) == "met") >= 3, Patience, "first response met on the three acknowledged cases");

        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        var summary = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, $"/api/v1/insights/summary?{range}"),
            view => view.GetProperty("escalations").GetInt32() == 5 && view.GetProperty("bouncing").GetInt32() == 1
                && view.GetProperty("resolved").GetInt32() == 2 && view.GetProperty("timeToResolution").GetProperty("cases").GetInt32() == 2
                && view.GetProperty("tooEarly").GetInt32() == 2 && view.GetProperty("tooLate").GetInt32() == 2
                && FirstResponseMet(view) >= 3,
            Patience, "the day counted (insights applies the last changes in batches, after intake's records show them)");

        // Times, from the records' own timelines.
        var acknowledge = records.Select(Acknowledgement).OfType<double>().ToList();
        var resolution = records.Where(record => record.Status() is "resolved" or "closed")
            .Select(record => (Last(record, "resolved") - record.GetProperty("createdAt").GetDateTimeOffset()).TotalSeconds).ToList();
        Assert.Equal(3, acknowledge.Count);
        AssertTimes(acknowledge, summary.GetProperty("timeToAcknowledge"));
        AssertTimes(resolution, summary.GetProperty("timeToResolution"));
        Assert.Equal((5, 3, 2, 1, 0.5), (summary.GetProperty("escalations").GetInt32(), summary.GetProperty("open").GetInt32(),
            summary.GetProperty("resolved").GetInt32(), summary.GetProperty("reopened").GetInt32(), summary.GetProperty("reopenRate").GetDouble()));

        // SLA compliance per clock, as the records' clocks stand.
        foreach (var clock in summary.GetProperty("sla").EnumerateArray())
        {
            var kind = clock.Text("clock")!;
            var states = records.Select(record => record.GetProperty("sla").GetProperty("clocks").EnumerateArray()
                .FirstOrDefault(candidate => candidate.Text("kind") == kind)).Where(found => found.ValueKind == JsonValueKind.Object)
                .Select(found => found.Text("state")).ToList();
            Assert.Equal(states.Count(state => state == "met"), clock.GetProperty("met").GetInt32());
            Assert.Equal(states.Count(state => state == "breached"), clock.GetProperty("breached").GetInt32());
        }

        Assert.True(FirstResponseMet(summary) >= 3, "first response met on the three acknowledged cases");

        var bounces = await api.JsonAsync(HttpMethod.Get, $"/api/v1/insights/bouncing?{range}");
        Assert.Equal(bouncing, Assert.Single(bounces.GetProperty("bouncing").EnumerateArray()).GetProperty("id").GetGuid());
        var receiving = bounces.GetProperty("teamsReceivingMost").EnumerateArray().Select(team => (team.Text("teamId"), team.GetProperty("received").GetInt32())).ToList();
        Assert.Equal([("database", 2), ("support", 1)], receiving);

        var timing = await api.JsonAsync(HttpMethod.Get, $"/api/v1/insights/timing?{range}");
        var reasons = (JsonElement list) => list.EnumerateArray().Select(reason => (reason.Text("reason"), reason.GetProperty("count").GetInt32())).OrderBy(pair => pair.Item1).ToList();
        Assert.Equal([("known-workaround", 1), ("returned-for-facts", 1)], reasons(timing.GetProperty("tooEarlyReasons")));
        Assert.Equal([("many-attempts", 1), ("sla-mostly-gone", 1)], reasons(timing.GetProperty("tooLateReasons")));
        var submitter = Assert.Single(timing.GetProperty("submitters").EnumerateArray());
        Assert.Equal((5, 2, 2), (submitter.GetProperty("escalations").GetInt32(), submitter.GetProperty("tooEarly").GetInt32(), submitter.GetProperty("tooLate").GetInt32()));
        Assert.Equal(new[] { incomplete, known }.Order(), submitter.GetProperty("tooEarlyExamples").EnumerateArray().Select(example => example.GetProperty("id").GetGuid()).Order());

        var behind = await api.JsonAsync(HttpMethod.Get, $"/api/v1/insights/cases?metric=too-late&{range}");
        Assert.Equal(new[] { bouncing, late }.Order(), behind.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).Order());
        var byTeam = await api.JsonAsync(HttpMethod.Get, $"/api/v1/insights/volume?by=team&{range}");
        Assert.Equal(5, byTeam.EnumerateArray().Sum(point => point.GetProperty("count").GetInt32()));
        Assert.Contains(byTeam.EnumerateArray(), point => point.Text("key") == "database" && point.GetProperty("count").GetInt32() == 1);

        // Rebuilt from intake's history, the model gives the same numbers.
        var views = new[] { "summary", "timing", "bouncing", "stalls", "volume?by=team&x=1", "backlog?x=1" };
        var before = new List<string>();
        foreach (var view in views)
        {
            before.Add((await api.JsonAsync(HttpMethod.Get, $"/api/v1/insights/{view}{(view.Contains('?') ? "&" : "?")}{range}")).GetRawText());
        }

        var rebuilt = await api.JsonAsync(HttpMethod.Post, "/api/v1/insights/rebuild");
        Assert.Equal(5, rebuilt.GetProperty("cases").GetInt32());
        for (var i = 0; i < views.Length; i++)
        {
            var after = (await api.JsonAsync(HttpMethod.Get, $"/api/v1/insights/{views[i]}{(views[i].Contains('?') ? "&" : "?")}{range}")).GetRawText();
            Assert.Equal(before[i], after);
        }
    }

    [Fact]
    public async Task A_closed_case_s_customer_rates_it_once_through_the_link_in_the_closing_mail()
    {
        using var api = platform.Escalations(Tenants.InsightsRating);
        await SetUpAsync(platform, api);
        using var mail = platform.Mail();
        var (id, owner) = await OwnedAsync(api, Question("Invoice PDF shows the wrong address"));
        await api.DoAsync(id, "actions", new { description = "found the address template" }, owner);
        await api.DoAsync(id, "resolve", new { kind = "fix", summary = "Address template fixed" }, owner);
        await api.WaitForAsync(id, ResolutionMet, "resolution met", Patience);
        var key = (await api.DoAsync(id, "confirm-closure")).Text("key")!;

        var messages = await Eventually.ReachesAsync(() => mail.ToAsync(CustomerEmail(api.Tenant), key), found => found.Count > 0, Patience, "the customer's mails");
        var link = await Eventually.ReachesAsync(async () =>
            {
                foreach (var message in await mail.ToAsync(CustomerEmail(api.Tenant), key))
                {
                    if (RatingPath().Match(await mail.BodyAsync(message.Id)) is { Success: true } match)
                    {
                        return match.Value;
                    }
                }

                return null;
            }, found => found is not null, Patience, "the rating link in the closing mail");
        Assert.NotEmpty(messages);

        Assert.NotNull(link);
        using var gateway = platform.CreateClient("gateway");
        var page = await Eventually.ReachesAsync(() => gateway.GetAsync(link), response => response.StatusCode == HttpStatusCode.OK, Patience,
            "the rating page (once insights knows the case is closed)");
        Assert.Contains(key, await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using (var browser = new HttpRequestMessage(HttpMethod.Get, link))
        {
            browser.Headers.Accept.ParseAdd("text/html");
            using var form = await gateway.SendAsync(browser, TestContext.Current.CancellationToken);
            var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("text/html", true, true), (form.Content.Headers.ContentType?.MediaType, html.Contains("<form method=\"post\">", StringComparison.Ordinal),
                html.Contains(key, StringComparison.Ordinal)));
        }

        using (var bad = await gateway.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["score"] = "9" }), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("from 1 (very unhappy) to 5", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var rated = await gateway.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["score"] = "4", ["comment"] = "Quick <b>fix</b>" }),
            TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        }

        using (var again = await gateway.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["score"] = "1" }), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("works once", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var forged = await gateway.GetAsync(link![..^4] + "AAAA", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        var csat = await api.JsonAsync(HttpMethod.Get, "/api/v1/insights/csat");
        var comment = Assert.Single(csat.GetProperty("comments").EnumerateArray(), entry => entry.GetProperty("escalationId").GetGuid() == id);
        Assert.Equal((4, "Quick <b>fix</b>"), (comment.GetProperty("score").GetInt32(), comment.Text("comment")));
        var ratedCases = await api.JsonAsync(HttpMethod.Get, "/api/v1/insights/cases?metric=rated");
        Assert.Contains(ratedCases.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_customer_who_escalates_repeatedly_is_flagged_and_triage_shows_it_on_their_next_case_without_raising_its_severity()
    {
        using var api = platform.Escalations(Tenants.InsightsRepeat);
        await SetUpAsync(platform, api);
        await api.PublishAsync("/api/v1/insights/settings", settings => settings["repeatEscalations"] = 2, "two is already a pattern here");
        var first = await api.SubmitAsync(Question("Login loops back to the start page"));
        await api.SubmitAsync(Question("Login loops again"));

        var repeats = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, "/api/v1/insights/repeat-customers"),
            report => report.GetProperty("customers").GetArrayLength() == 1, Patience, "the customer listed as escalating repeatedly");
        Assert.Equal((Customer, 2), (repeats.GetProperty("customers")[0].Text("customerId"), repeats.GetProperty("customers")[0].GetProperty("escalations").GetInt32()));
        var preview = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Post, "/api/v1/triage/preview", new
            {
                issueType = "other", customer = new { id = Customer, name = "Blue Yonder", tier = "standard", timeZone = "UTC" },
                impact = new { scope = "single-user", affectedCount = 1 },
            }),
            assessment => assessment.GetProperty("signals").GetArrayLength() > 0, Patience, "triage knowing the customer escalates repeatedly");
        Assert.Contains("Blue Yonder escalates repeatedly: 2 escalations within 30 days", preview.GetProperty("signals")[0].GetString(), StringComparison.Ordinal);

        var third = await api.SubmitAsync(Question("Login loops a third time"));
        var record = await api.WaitForAsync(third, record => record.Timeline("repeat-customer").Any(), "the signal on the new case", Patience);
        Assert.Contains("escalates repeatedly", record.Timeline("repeat-customer").Single().Text("detail"), StringComparison.Ordinal);
        Assert.Equal((await api.GetAsync(first)).Text("severity"), record.Text("severity"));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("severity=S9", "severity")]
    [InlineData("issueType=hardware", "issueType")]
    [InlineData("from=2020-01-01&to=2026-01-01", "from")]
    [InlineData("metric=everything", "metric")]
    public async Task Bad_filters_are_named_with_what_they_allow(string query, string field)
    {
        using var api = platform.Escalations(Tenants.Insights);

        using var response = await api.SendAsync(HttpMethod.Get, $"/api/v1/insights/cases?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
    }

    private static double? Acknowledgement(JsonElement record)
    {
        var offered = record.Timeline("offered").Select(entry => entry.GetProperty("at").GetDateTimeOffset()).Order().FirstOrDefault();
        var acknowledged = record.GetProperty("timeline").EnumerateArray()
            .Where(entry => entry.Text("to") == "acknowledged").Select(entry => entry.GetProperty("at").GetDateTimeOffset()).Order().FirstOrDefault();
        return offered == default || acknowledged == default ? null : (acknowledged - offered).TotalSeconds;
    }

    /// <summary>The record shows its resolution clock met (a record read before sla announced its clocks shows none).</summary>
    private static bool ResolutionMet(JsonElement record) => record.GetProperty("sla").GetProperty("clocks").EnumerateArray()
        .Any(clock => clock.Text("kind") == "resolution" && clock.Text("state") == "met");

    private static string? FirstResponse(JsonElement record) => record.GetProperty("sla").GetProperty("clocks").EnumerateArray()
        .FirstOrDefault(clock => clock.Text("kind") == "first-response") is { ValueKind: JsonValueKind.Object } clock ? clock.Text("state") : null;

    private static int FirstResponseMet(JsonElement summary) =>
        summary.GetProperty("sla").EnumerateArray().Single(clock => clock.Text("clock") == "first-response").GetProperty("met").GetInt32();

    private static DateTimeOffset Last(JsonElement record, string status) => record.GetProperty("timeline").EnumerateArray()
        .Where(entry => entry.Text("to") == status).Max(entry => entry.GetProperty("at").GetDateTimeOffset());

    /// <summary>p50 and p90 as PostgreSQL's percentile_cont computes them: interpolated between the nearest ranks.</summary>
    private static void AssertTimes(IReadOnlyList<double> values, JsonElement percentiles)
    {
        var sorted = values.Order().ToList();
        double Percentile(double fraction)
        {
            var rank = fraction * (sorted.Count - 1);
            var lower = (int)Math.Floor(rank);
            var upper = (int)Math.Ceiling(rank);
            return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
        }

        Assert.Equal(values.Count, percentiles.GetProperty("cases").GetInt32());
        Assert.Equal(Percentile(0.5), percentiles.GetProperty("p50").GetDouble(), 3);
        Assert.Equal(Percentile(0.9), percentiles.GetProperty("p90").GetDouble(), 3);
    }

    [GeneratedRegex(@"/csat/c1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex RatingPath();
}
