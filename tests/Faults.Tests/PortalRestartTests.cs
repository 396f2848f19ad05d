using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Harness;
using EscalationPlatform.Harness.Faults;
using EscalationPlatform.Harness.Portal;
using Microsoft.Playwright;

namespace Faults.Tests;

/// <summary>The portal while a service behind the gateway is killed and started again: the queue says it cannot be
/// read and that it is not live, the pages other services answer keep working, and once intake is back the queue
/// recovers by itself, without a reload. The portal itself killed and started again keeps everyone signed in (its
/// sessions and keys live in Redis).</summary>
[Collection(nameof(ClusterPlatform))]
public sealed class PortalRestartTests(ClusterPlatform fixture)
{
    public const string Tenant = "portal-faults";

    /// <summary>Beyond the gateway's request timeout, by a margin for a busy machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions GatewayGivesUp = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_portal_keeps_working_and_says_what_is_unavailable_while_intake_restarts_and_keeps_its_sessions_across_its_own_restart()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var platform = fixture.Platform; // the gateway gives up on a dead service after 5 s there
        await using var browser = new PortalBrowser();
        await browser.InitializeAsync();
        var portal = platform.Endpoint("portal");
        using var gateway = await platform.GatewayAsAsync(Tenant);
        using var submitted = await gateway.PostAsJsonAsync("/api/v1/escalations", new
        {
            title = "Reports are empty since this morning",
            issueType = "technical",
            customer = new { id = "initech" },
            impact = new { scope = "team", affectedCount = 12 },
            urgency = new { outage = false },
        }, cancellationToken);
        var key = (await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("key").GetString()!;

        var manager = await browser.SignInAsync(portal, Tenant, "mia", "manager");
        await manager.GetByRole(AriaRole.Tab, new() { Name = "All open" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("case-link").Filter(new() { HasText = key })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("live")).ToBeVisibleAsync();

        await new FaultInjector(platform).KillServiceAsync("intake-api", "Intake.Api", cancellationToken, whileDown: async () =>
        {
            await Assertions.Expect(manager.GetByTestId("not-live")).ToBeVisibleAsync();
            await manager.GetByRole(AriaRole.Tab, new() { Name = "Mine" }).ClickAsync();
            await Assertions.Expect(manager.GetByTestId("problem")).ToBeVisibleAsync(GatewayGivesUp);

            await manager.GetByRole(AriaRole.Link, new() { Name = "Teams" }).ClickAsync(); // routing's page: still there
            await Assertions.Expect(manager.GetByTestId("team").First).ToBeVisibleAsync();
            await manager.GetByRole(AriaRole.Link, new() { Name = "Queues" }).ClickAsync();
            await manager.GetByRole(AriaRole.Tab, new() { Name = "All open" }).ClickAsync();
            await Assertions.Expect(manager.GetByTestId("problem")).ToBeVisibleAsync(GatewayGivesUp);
        });

        // Back: the live feed reconnects and the queue reads again, with no reload.
        await Assertions.Expect(manager.GetByTestId("live")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(manager.GetByTestId("problem")).ToHaveCountAsync(0);
        await Assertions.Expect(manager.GetByTestId("case-link").Filter(new() { HasText = key })).ToBeVisibleAsync();

        await new FaultInjector(platform).KillServiceAsync("portal", PlatformProcesses.Portal, cancellationToken);
        // A new tab in the same browser context (same cookie): the old tab's circuit is gone and Blazor may be
        // reloading it by itself, so reloading that tab from here would race with its own navigation.
        var afterRestart = await manager.Context.NewPageAsync();
        await afterRestart.GotoAsync(manager.Url);
        await Assertions.Expect(afterRestart.GetByTestId("signed-in-as")).ToContainTextAsync("mia");
        await Assertions.Expect(afterRestart.GetByTestId("queue")).ToBeVisibleAsync();
    }
}
