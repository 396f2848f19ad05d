using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EscalationPlatform.Testing;
using Microsoft.Playwright;

namespace EndToEnd.Tests.Portal;

public sealed partial class PortalTests
{
    private static readonly TimeSpan TriageWait = TimeSpan.FromSeconds(30);

    /// <summary>Letters no other test's messages have (hex letters would be masked as an id in an error signature).</summary>
    private static string RunWord() => string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(value => (char)('g' + value % 20)));

    /// <summary>An S4 case of a customer described in full (not in the directory), quoting one error message.</summary>
    private static object MinorCase(string title, string productArea, string customer, string errorMessage) => new
    {
        title,
        issueType = "other",
        productArea,
        customer = new { id = customer, name = customer, tier = "standard", timeZone = "UTC", contactEmail = $"{customer}@customers.example" },
        impact = new { scope = "single-user", affectedCount = 1 },
        urgency = new { workaroundAvailable = true },
        context = new { errorMessages = new[] { errorMessage } },
    };

    [Fact]
    public async Task An_S4_case_a_known_error_matches_is_sent_back_with_its_workaround_and_a_manager_contests_it_on_its_page()
    {
        var word = RunWord();
        var area = $"sync-{word}";
        const string Workaround = "Sign out of the app and sign in again: the device gets a new token.";
        using var api = platform.Escalations(Tenants.Portal);
        using (var lead = await platform.GatewayAsAsync(Tenants.Portal, "lead"))
        using (var published = await lead.PutAsJsonAsync($"/api/v1/triage/knowledge/articles/sync-token-{word}", new
               {
                   title = "Sync stops when the device token expires", errorMessages = new[] { $"Sync 4411 stopped: {word} token expired for device 93" },
                   workaround = Workaround, owner = "lead-1", productArea = area,
               }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        var id = await api.SubmitAsync(MinorCase("Sync stopped on a tablet", area, $"tablet-{word}", $"Sync 87 stopped: {word} token expired for device 1204"));
        await api.WaitForAsync(id, record => record.Status() == "deflected", "deflected", TriageWait);

        var manager = await browser.SignInAsync(Portal, Tenants.Portal, "mona", "manager", $"/cases/{id}");
        await Assertions.Expect(manager.GetByTestId("status")).ToHaveTextAsync("deflected");
        await Assertions.Expect(manager.GetByTestId("deflection")).ToContainTextAsync("Sent back to the frontline with a known error's workaround");
        await Assertions.Expect(manager.GetByTestId("deflection-article")).ToHaveTextAsync("Sync stops when the device token expires");
        await Assertions.Expect(manager.GetByTestId("deflection-workaround")).ToHaveTextAsync(Workaround);
        await Assertions.Expect(manager.GetByTestId("case-suggestion").First).ToContainTextAsync("Sync stops when the device token expires");
        await Screenshots.TakeAsync(manager, "case-deflected");

        const string Reason = "The customer signed in again twice: the token expires within a minute.";
        await RunAsync(manager, "Contest the deflection", ("Why the workaround does not help", Reason));

        // Contested, the case is triaged and routed as any other (the live page may show it offered already).
        await Assertions.Expect(manager.GetByTestId("status")).ToHaveTextAsync(new Regex("^(triaged|assigned)$"));
        await Assertions.Expect(manager.GetByTestId("deflection-contested")).ToContainTextAsync(Reason);
        await Assertions.Expect(manager.GetByTestId("deflection-workaround")).ToHaveTextAsync(Workaround); // what was tried
        var contested = await api.GetAsync(id);
        Assert.Single(contested.Timeline("deflection-contested"));
        Assert.NotEqual("deflected", contested.Status());
    }

    [Fact]
    public async Task Five_cases_of_one_error_raise_a_problem_that_a_lead_moves_to_fixed_and_closes_telling_the_customers()
    {
        var word = RunWord();
        var area = $"ledger-{word}";
        using var api = platform.Escalations(Tenants.Portal);
        var ids = new List<Guid>();
        for (var n = 1; n <= 5; n++)
        {
            ids.Add(await api.SubmitAsync(MinorCase($"Import {n} fails", area, $"importer-{n}-{word}", $"Import {7000 + n} aborted: {word} ledger locked after {20 + n}s")));
        }

        var problems = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, "/api/v1/triage/problems?limit=100"),
            list => list.EnumerateArray().Any(problem => Mine(problem, word)), TriageWait, "a problem of the five cases");
        var problemId = problems.EnumerateArray().Single(problem => Mine(problem, word)).GetProperty("id").GetGuid();
        var keys = new List<string>();
        foreach (var id in ids)
        {
            keys.Add((await api.GetAsync(id)).Text("key")!);
        }

        var lead = await browser.SignInAsync(Portal, Tenants.Portal, "lead-1", "lead", "/problems");
        var line = lead.GetByTestId("problem-line").Filter(new() { HasText = word });
        await Assertions.Expect(line.GetByTestId("problem-line-cases")).ToHaveTextAsync("5");
        await Assertions.Expect(line.GetByTestId("problem-line-status")).ToHaveTextAsync("open");
        await line.GetByTestId("problem-link").ClickAsync();
        await lead.WaitForURLAsync(new Regex($"/problems/{problemId}$"));
        await Assertions.Expect(lead.GetByTestId("linked-case-key")).ToHaveCountAsync(5);
        Assert.Equal(keys.Order(), (await lead.GetByTestId("linked-case-key").AllInnerTextsAsync()).Select(key => key.Trim()).Order());

        await ChooseAsync(lead, lead.GetByTestId("move-status"), "fixed");
        await lead.GetByLabel("Fixed in (version or change)").FillAsync("5.4.1");
        await lead.GetByTestId("move").ClickAsync();
        await Assertions.Expect(lead.GetByTestId("problem-status")).ToHaveTextAsync("fixed");
        await Assertions.Expect(lead.GetByTestId("problem-fixed-in")).ToHaveTextAsync("5.4.1");

        await ChooseAsync(lead, lead.GetByTestId("move-status"), "closed");
        await lead.GetByLabel("Tell the linked cases' customers").CheckAsync();
        await lead.GetByLabel("Note", new() { Exact = true }).FillAsync("Update to 5.4.1; imports run again.");
        await lead.GetByTestId("move").ClickAsync();
        await Assertions.Expect(lead.GetByTestId("moved")).ToHaveTextAsync("Moved to closed. The linked cases' customers are being told.");
        await Assertions.Expect(lead.GetByTestId("problem-status")).ToHaveTextAsync("closed");
        await Assertions.Expect(lead.GetByTestId("problem-step").First).ToContainTextAsync("Update to 5.4.1; imports run again.");
        await Screenshots.TakeAsync(lead, "problem-record");

        var closed = await api.JsonAsync(HttpMethod.Get, $"/api/v1/triage/problems/{problemId}");
        Assert.Equal(("closed", "5.4.1"), (closed.Text("status"), closed.Text("fixedIn")));
        Assert.True(closed.GetProperty("history").EnumerateArray().Last().GetProperty("customersTold").GetBoolean());
    }

    private static bool Mine(JsonElement problem, string word) =>
        problem.GetProperty("cases").GetInt32() == 5
        && (problem.Text("title")!.Contains(word, StringComparison.Ordinal) || problem.Text("shared")!.Contains(word, StringComparison.Ordinal));
}
