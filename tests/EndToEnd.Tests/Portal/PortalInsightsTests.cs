using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EndToEnd.Tests.Portal;

public sealed partial class PortalTests
{
    [Fact]
    public async Task A_manager_reads_the_insights_and_follows_a_number_to_the_cases_behind_it()
    {
        using var api = platform.Escalations(Tenants.PortalInsights);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var key = (await api.WaitForAsync(id, record => record.Status() == "assigned", "offered", TimeSpan.FromSeconds(30))).Text("key")!;
        await EscalationPlatform.Testing.Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, "/api/v1/insights/summary"),
            summary => summary.GetProperty("escalations").GetInt32() == 1, TimeSpan.FromSeconds(30), "insights counted the case");

        var manager = await browser.SignInAsync(Portal, Tenants.PortalInsights, "mia", "manager", "/insights");
        await Assertions.Expect(manager.GetByTestId("headline-all")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await Assertions.Expect(manager.GetByTestId("headline-open")).ToHaveTextAsync("1");
        await Assertions.Expect(manager.GetByTestId("sla")).ToContainTextAsync("first-response");
        await Screenshots.TakeAsync(manager, "insights");

        await manager.GetByTestId("headline-open").ClickAsync();
        await manager.WaitForURLAsync(new Regex("/insights/cases\\?metric=open"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(manager.GetByTestId("total")).ToHaveTextAsync("1 case", new() { Timeout = 30_000 });
        await manager.GetByTestId("cases").GetByRole(AriaRole.Link, new() { Name = key }).ClickAsync();
        await manager.WaitForURLAsync($"**/cases/{id}", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(manager.GetByTestId("case-title")).ToContainTextAsync(key, new() { Timeout = 30_000 });
        await Assertions.Expect(manager.GetByTestId("status")).ToBeVisibleAsync();

        await manager.GotoAsync(new Uri(Portal, "/insights").ToString());
        await ChooseAsync(manager, manager.GetByTestId("period"), "Last 7 days");
        await manager.GetByTestId("apply").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("headline-all")).ToHaveTextAsync("1");
    }
}
