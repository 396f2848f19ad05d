using System.Text.Json;
using Bunit;
using EscalationPlatform.Portal.Components.Pages;
using MudBlazor;

namespace Portal.UnitTests;

public sealed class QueuesTests : PortalContext
{
    private static string Line(string key, DateTimeOffset? dueAt, bool breached = false) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid(), key, title = $"Case {key}", status = "in-progress", severity = "S2", issueType = "technical",
        customer = new { id = "cust-acme", name = "Acme Corp", tier = "strategic" }, breached,
        nextAction = new { what = "post a customer update", who = "Ann Agent", dueAt }, createdAt = CaseRecords.Now.AddHours(-2),
    });

    private IRenderedComponent<Queues> RenderQueues(params string[] lines)
    {
        Gateway.On(HttpMethod.Get, "/api/v1/routing/teams", StubGateway.Json("[]"));
        Gateway.On(HttpMethod.Get, "/api/v1/escalations", StubGateway.Json($$"""{"items":[{{string.Join(',', lines)}}]}"""));
        Render<MudPopoverProvider>();
        var page = Render<Queues>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=case-link]")));
        return page;
    }

    private static IReadOnlyList<string> Keys(IRenderedComponent<Queues> page) =>
        [.. page.FindAll("[data-testid=case-link]").Select(link => link.TextContent.Trim())];

    [Fact]
    public void Breaching_soon_lists_the_soonest_due_first_and_asks_for_what_falls_due_within_the_hour()
    {
        var page = RenderQueues(Line("ESC-1", CaseRecords.Now.AddMinutes(50)), Line("ESC-2", CaseRecords.Now.AddMinutes(5)), Line("ESC-3", CaseRecords.Now.AddMinutes(20)));
        Assert.Equal(["ESC-1", "ESC-2", "ESC-3"], Keys(page)); // the other queues stay newest first

        page.FindAll(".mud-tab").Single(tab => tab.TextContent.Trim() == "Breaching soon").Click();

        page.WaitForAssertion(() => Assert.Equal(["ESC-2", "ESC-3", "ESC-1"], Keys(page)));
        var asked = Gateway.Requests.Last(request => request.Path == "/api/v1/escalations").Query;
        Assert.Contains("dueBefore=2026-03-10T13:00:00.0000000Z", asked, StringComparison.Ordinal);
        Assert.Contains("breached=false", asked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_breached_case_is_marked_in_its_row()
    {
        var page = RenderQueues(Line("ESC-1", CaseRecords.Now.AddHours(2), breached: true), Line("ESC-2", CaseRecords.Now.AddHours(2)));

        Assert.Single(page.FindAll("[data-testid=breached]"));
        Assert.Contains("ESC-1", page.Find("[data-testid=breached]").Closest("tr")!.TextContent, StringComparison.Ordinal);
    }
}
