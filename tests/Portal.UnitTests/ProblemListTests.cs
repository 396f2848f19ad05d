using Bunit;
using EscalationPlatform.Portal.Components.Pages.Problems;
using MudBlazor;

namespace Portal.UnitTests;

public sealed class ProblemListTests : PortalContext
{
    private const string Path = "/api/v1/triage/problems";

    private static readonly string Lines = $$"""
        [{"id":"{{ProblemRecords.Id}}","title":"Repeated error: Export 4001 failed","shared":"the error message \"Export 4001 failed\"","status":"known-error",
          "cases":5,"firstSeenAt":"2026-03-10T11:10:00+00:00","updatedAt":"2026-03-10T11:50:00+00:00"}]
        """;

    [Fact]
    public void Each_problem_links_to_its_page_with_its_status_its_number_of_cases_and_what_they_share()
    {
        Gateway.On(HttpMethod.Get, Path, StubGateway.Json(Lines));
        Render<MudPopoverProvider>();

        var page = Render<ProblemList>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=problem-line]")));
        Assert.Equal($"/problems/{ProblemRecords.Id}", page.Find("[data-testid=problem-link]").GetAttribute("href"));
        Assert.Equal(("known error", "5"), (page.Find("[data-testid=problem-line-status]").TextContent, page.Find("[data-testid=problem-line-cases]").TextContent));
        Assert.Contains("the error message \"Export 4001 failed\"", page.Find("[data-testid=problem-line]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_filter_asks_for_the_problems_of_that_status_and_says_when_there_are_none()
    {
        Gateway.On(HttpMethod.Get, Path, StubGateway.Json(Lines), StubGateway.Json("[]"));
        Render<MudPopoverProvider>();
        var page = Render<ProblemList>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=problem-line]")));
        var filter = page.FindComponent<MudSelect<string>>();

        await page.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync("fixed"));

        page.WaitForAssertion(() => Assert.Equal("No problem is fixed.", page.Find("[data-testid=no-problems]").TextContent));
        Assert.Equal(["", "?status=fixed"], Gateway.Requests.Where(request => request.Path == Path).Select(request => request.Query));
    }
}
