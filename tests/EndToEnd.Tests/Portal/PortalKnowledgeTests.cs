using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EndToEnd.Tests.Portal;

public sealed partial class PortalTests
{
    [Fact]
    public async Task A_lead_writes_a_known_error_that_search_finds_and_the_new_escalation_form_suggests_with_its_workaround()
    {
        // Letters no other test's messages have (hex letters would be masked as an id).
        var word = string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(value => (char)('g' + value % 20)));
        var id = $"quota-export-{word}";
        var lead = await browser.SignInAsync(Portal, Tenants.Portal, "lead-1", "lead", "/knowledge");
        await lead.GetByLabel("New known error's id").FillAsync(id);
        await lead.GetByTestId("new-article").ClickAsync();
        await lead.WaitForURLAsync(new Regex($"/knowledge/{id}$"));

        await lead.GetByLabel("Title").FillAsync("Export stops at the quota");
        await lead.GetByLabel("Error messages (one per line, as customers see them)").FillAsync($"Export 1842 rejected: {word} quota exceeded for workspace 77");
        await lead.GetByLabel("Workaround").FillAsync("Split the export by month; each part stays under the quota.");
        await lead.GetByLabel("Product area").FillAsync("exports");
        await lead.GetByLabel("Owner").FillAsync("lead-1");
        await lead.GetByTestId("save-article").ClickAsync();
        await Assertions.Expect(lead.GetByTestId("saved")).ToHaveTextAsync("Saved as version 1.");

        await lead.GetByLabel("Title").FillAsync("Export stops at the workspace quota");
        await lead.GetByTestId("save-article").ClickAsync();
        await Assertions.Expect(lead.GetByTestId("saved")).ToHaveTextAsync("Saved as version 2.");
        await Assertions.Expect(lead.GetByTestId("article-history-version")).ToHaveCountAsync(2);
        await Assertions.Expect(lead.GetByTestId("article-history-version").First).ToContainTextAsync("Version 2: edited by");
        await Screenshots.TakeAsync(lead, "knowledge-article");

        // The same error with other numbers: found, with why.
        var seen = $"Export 9 rejected: {word} quota exceeded for workspace 1203";
        await lead.GotoAsync(new Uri(Portal, "/knowledge").ToString());
        await lead.GetByLabel("Error message or words").FillAsync(seen);
        await lead.GetByTestId("knowledge-search").ClickAsync();
        var found = lead.GetByTestId("article").Filter(new() { HasText = "Export stops at the workspace quota" });
        await Assertions.Expect(found.GetByTestId("article-match")).ToContainTextAsync("the same error message");
        await Screenshots.TakeAsync(lead, "knowledge-search");

        // An agent quoting the error on a new case is shown the known error and its workaround before submitting.
        var agent = await browser.SignInAsync(Portal, Tenants.Portal, "frontline-1", "agent", "/cases/new");
        await ChooseAsync(agent, agent.GetByTestId("customer"), "Acme Corporation (strategic)");
        await Assertions.Expect(agent.GetByTestId("preview")).ToContainTextAsync("matrix v"); // the customer's preview is in: the form re-rendered
        await agent.GetByLabel("Error message", new() { Exact = true }).FillAsync(seen);
        var suggestion = agent.GetByTestId("preview").GetByTestId("preview-suggestion");
        await Assertions.Expect(suggestion).ToContainTextAsync("Export stops at the workspace quota");
        await Assertions.Expect(suggestion.GetByTestId("preview-workaround")).ToHaveTextAsync("Workaround: Split the export by month; each part stays under the quota.");
        await Screenshots.TakeAsync(agent, "new-escalation-suggestion");

        // The agent reads the article, and may not edit it.
        await agent.GotoAsync(new Uri(Portal, $"/knowledge/{id}").ToString());
        await Assertions.Expect(agent.GetByTestId("article-view")).ToContainTextAsync("Split the export by month");
        await Assertions.Expect(agent.GetByTestId("save-article")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_case_page_shows_the_changes_of_its_product_area_made_shortly_before_it()
    {
        using var api = platform.Escalations(Tenants.Portal);
        var area = $"exports-{Guid.NewGuid():N}"[..16];
        await api.JsonAsync(HttpMethod.Post, "/api/v1/changes", new
        {
            summary = "Deployed the export service", kind = "deployment", productArea = area, release = "7.1", at = DateTimeOffset.UtcNow.AddMinutes(-10),
            link = "https://ci.example/builds/7",
        });
        var id = await api.SubmitAsync(new
        {
            title = "Exports stopped after lunch", issueType = "other", productArea = area, customer = new { id = "initech" },
            impact = new { scope = "single-user", affectedCount = 1 }, urgency = new { workaroundAvailable = true },
        });

        var manager = await browser.SignInAsync(Portal, Tenants.Portal, "mona", "manager", $"/cases/{id}");
        await Assertions.Expect(manager.GetByTestId("change-before")).ToContainTextAsync("deployment: Deployed the export service (7.1)");
        await Screenshots.TakeAsync(manager, "case-changes");
    }
}
