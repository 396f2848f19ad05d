using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>Issue 17's path through the gateway: a published known error deflects an S4 case back to the frontline with
/// its workaround (the customer mailed, the frontline able to contest it) but only suggests itself on an S2; five cases of
/// one repeated error within a minute raise one problem record that links them, leadership mailed once; a sixth links
/// itself; the deployment made ten minutes before the first shows on the problem; closing the fixed problem tells the
/// linked cases' customers.</summary>
public sealed class ProblemRecordsTests(PlatformFixture platform)
{
    private const string Articles = "/api/v1/triage/knowledge/articles";
    private const string KnownMessage = "Invoice PDF 8812 render failed: template field vat_id missing for account 0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string Workaround = "Add the VAT id under Settings > Company, then download the invoice again.";

    private static object Case(string title, string errorMessage, string productArea, bool severe, string customer, string? release = null) => new
    {
        title,
        issueType = "other",
        productArea,
        release,
        customer = new { id = customer },
        impact = severe ? new { scope = "team", affectedCount = 12 } : new { scope = "single-user", affectedCount = 1 },
        urgency = new { workaroundAvailable = !severe },
        context = new { errorMessages = new[] { errorMessage } },
    };

    /// <summary>A customer of the tenant's directory, whose contact the platform mails.</summary>
    private static async Task CustomerAsync(EscalationsClient api, string id)
    {
        using var created = await api.SendAsync(HttpMethod.Put, $"/api/v1/escalations/customers/{id}", new
        {
            name = id, tier = "standard", timeZone = "UTC", contacts = new[] { new { name = id, email = $"{id}@customers.example" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_known_error_deflects_an_S4_but_not_an_S2_and_five_cases_of_one_error_raise_one_problem_with_the_change_before_it()
    {
        await platform.ProvisionAsync(Tenants.Problems);
        using var api = platform.Escalations(Tenants.Problems);
        using var lead = await platform.GatewayAsAsync(Tenants.Problems, "lead");
        using var mail = platform.Mail();
        var run = Guid.NewGuid().ToString("N")[..8];
        foreach (var customer in (string[])["minor", "major", .. Enumerable.Range(1, 6).Select(n => $"exporter-{n}")])
        {
            await CustomerAsync(api, $"{customer}-{run}");
        }

        using (var published = await lead.PutAsJsonAsync($"{Articles}/vat-id-missing-{run}", new
               {
                   title = "Invoice PDF fails without a VAT id", symptoms = "Invoices cannot be downloaded as PDF.", errorMessages = new[] { KnownMessage },
                   productArea = "billing", workaround = Workaround, owner = "dora",
               }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        // The same error with other numbers and ids: an S4 goes back to the frontline with the workaround, the customer mailed.
        var sameError = "Invoice PDF 90 render failed: template field vat_id missing for account 7c9e6679-7425-40de-944b-e07fc1f90ae7";
        var frontline = $"frontline-{run}"; // an agent hands it in: the submitter told in the portal's feed, who may contest
        var minor = (await api.JsonAsync(HttpMethod.Post, "/api/v1/escalations", Case("Invoice download fails", sameError, "billing", severe: false, $"minor-{run}"),
            actor: frontline)).GetProperty("id").GetGuid();
        var deflected = await api.WaitForAsync(minor, record => record.Status() == "deflected", "deflected");
        Assert.Equal(("S4", $"vat-id-missing-{run}", Workaround),
            (deflected.Text("severity"), deflected.GetProperty("deflection").Text("articleId"), deflected.GetProperty("deflection").Text("workaround")));
        Assert.Contains(deflected.Timeline("deflected"), entry => entry.Text("detail")!.Contains(Workaround, StringComparison.Ordinal));
        var customerMail = await Eventually.ReachesAsync(() => mail.ToAsync($"minor-{run}@customers.example", deflected.Text("key")!), messages => messages.Count == 1,
            EscalationsClient.PipelineTimeout, "the customer's mail with the workaround");
        Assert.Contains(Workaround, await mail.BodyAsync(customerMail[0].Id), StringComparison.Ordinal);
        await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/feed", actor: frontline),
            feed => feed.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("escalationId").GetGuid() == minor && item.Text("event") == "deflected"),
            EscalationsClient.PipelineTimeout, "the deflection in the submitter's feed");

        // The same message on an S2: never deflected, the known error only suggested.
        var major = await api.SubmitAsync(Case("Invoices fail for the whole finance team", sameError, "billing", severe: true, $"major-{run}"));
        var routed = await api.WaitForAsync(major, record => record.Status() is "triaged" or "assigned", "triaged");
        Assert.Equal("S2", routed.Text("severity"));
        Assert.False(routed.TryGetProperty("deflection", out var none) && none.ValueKind != JsonValueKind.Null, "an S2 is never deflected");
        Assert.Equal($"vat-id-missing-{run}", routed.GetProperty("suggestions")[0].Text("articleId"));

        // The frontline contests the deflection: the case is routed after all.
        var contested = await api.DoAsync(minor, "contest", new { reason = "The customer has a VAT id on file already." }, actor: frontline);
        Assert.Equal("triaged", contested.Status());
        Assert.Single(contested.Timeline("deflection-contested"));

        // A deployment ten minutes before the repeated error starts.
        var area = $"exports-{run}";
        using (var change = await api.SendAsync(HttpMethod.Post, "/api/v1/changes", new
               {
                   summary = "Deployed the export workers 5.4.0", kind = "deployment", productArea = area, release = "5.4.0", at = DateTimeOffset.UtcNow.AddMinutes(-10),
               }))
        {
            Assert.Equal(HttpStatusCode.Created, change.StatusCode);
        }

        var repeated = new List<Guid>();
        for (var n = 1; n <= 5; n++)
        {
            repeated.Add(await api.SubmitAsync(Case($"Export {n} fails", $"Export {4000 + n} failed: worker pool exhausted after {30 + n}s", area, severe: true,
                $"exporter-{n}-{run}", release: "5.4.0")));
        }

        var problems = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, "/api/v1/triage/problems"),
            list => list.EnumerateArray().Any(problem => problem.GetProperty("cases").GetInt32() == 5), EscalationsClient.PipelineTimeout, "a problem of the five cases");
        var raised = Assert.Single(problems.EnumerateArray());
        var problemId = raised.GetProperty("id").GetGuid();
        var problem = await api.JsonAsync(HttpMethod.Get, $"/api/v1/triage/problems/{problemId}");
        Assert.Equal(("open", "error-signature"), (problem.Text("status"), problem.Text("kind")));
        Assert.Equal(repeated.Order(), problem.GetProperty("cases").EnumerateArray().Select(linked => linked.GetProperty("escalationId").GetGuid()).Order());
        Assert.Equal(["Deployed the export workers 5.4.0"], problem.GetProperty("changes").EnumerateArray().Select(change => change.Text("summary")));

        var leadership = $"leadership@{Tenants.Problems}.example";
        var subject = $"Problem raised: {problem.Text("title")}";
        IReadOnlyList<MailMessage> told;
        try
        {
            told = await Eventually.ReachesAsync(() => mail.ToAsync(leadership, subject), messages => messages.Count == 1, EscalationsClient.PipelineTimeout,
                "leadership's problem mail");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no \"{subject}\" among leadership's mails: {string.Join(" | ", (await mail.ToAsync(leadership, "")).Select(message => message.Subject))}");
            throw;
        }

        var body = await mail.BodyAsync(told[0].Id);
        Assert.Contains($"/problems/{problemId}", body, StringComparison.Ordinal);

        // A sixth case of the same error links itself; leadership is not told again.
        var sixth = await api.SubmitAsync(Case("Export 6 fails", "Export 4711 failed: worker pool exhausted after 45s", area, severe: true, $"exporter-6-{run}", release: "5.4.0"));
        await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, $"/api/v1/triage/problems/{problemId}"),
            linked => linked.GetProperty("cases").EnumerateArray().Any(item => item.GetProperty("escalationId").GetGuid() == sixth), EscalationsClient.PipelineTimeout,
            "the sixth case linked");
        Assert.Single(await mail.ToAsync(leadership, subject));
        Assert.Single((await api.JsonAsync(HttpMethod.Get, "/api/v1/triage/problems")).EnumerateArray());

        // Fixed, then closed telling the linked cases' customers.
        using (var early = await lead.PostAsJsonAsync($"/api/v1/triage/problems/{problemId}/status", new { status = "closed", notifyCustomers = true },
                   TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Equal("customers are told when a fixed problem is closed, not before",
                (await early.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Text("detail"));
        }

        using (var fixedIn = await lead.PostAsJsonAsync($"/api/v1/triage/problems/{problemId}/status", new { status = "fixed", fixedIn = "5.4.1" },
                   TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, fixedIn.StatusCode);
        }

        using (var closed = await lead.PostAsJsonAsync($"/api/v1/triage/problems/{problemId}/status",
                   new { status = "closed", notifyCustomers = true, note = "Update to 5.4.1; exports run again." }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
            Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Text("status"));
        }

        foreach (var customer in Enumerable.Range(1, 6).Select(n => $"exporter-{n}-{run}@customers.example"))
        {
            var fix = await Eventually.ReachesAsync(() => mail.ToAsync(customer, "5.4.1"), messages => messages.Count == 1, EscalationsClient.PipelineTimeout,
                $"{customer}'s fix mail");
            Assert.Contains("exports run again", await mail.BodyAsync(fix[0].Id), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_agent_reads_problems_but_only_leads_move_them_and_bad_moves_are_refused_naming_the_field()
    {
        await platform.ProvisionAsync(Tenants.Problems);
        using var agent = await platform.GatewayAsAsync(Tenants.Problems, "agent");
        var unknown = Guid.NewGuid();

        using (var list = await agent.GetAsync("/api/v1/triage/problems?status=solved&limit=500", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
            var errors = (await list.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.Equal(("one of open, investigating, known-error, fixed, closed", "1 to 100"),
                (errors.GetProperty("status")[0].GetString(), errors.GetProperty("limit")[0].GetString()));
        }

        using (var moved = await agent.PostAsJsonAsync($"/api/v1/triage/problems/{unknown}/status", new { status = "investigating" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        }

        using var lead = await platform.GatewayAsAsync(Tenants.Problems, "lead");
        using (var bad = await lead.PostAsJsonAsync($"/api/v1/triage/problems/{unknown}/status", new { status = "solved", fixedIn = new string('v', 300) },
                   TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.Equal(["fixedIn", "status"], errors.EnumerateObject().Select(error => error.Name).Order());
        }

        using (var missing = await lead.PostAsJsonAsync($"/api/v1/triage/problems/{unknown}/status", new { status = "investigating" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var settings = await lead.GetAsync("/api/v1/triage/knowledge/settings", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
            var document = await settings.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal((0.85, 5, 60), (document.GetProperty("deflectionThreshold").GetDouble(), document.GetProperty("problemCases").GetInt32(),
                document.GetProperty("problemWindowMinutes").GetInt32()));
        }
    }
}
