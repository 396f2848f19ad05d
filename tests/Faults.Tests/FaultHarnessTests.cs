using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Harness;
using EscalationPlatform.Harness.Faults;
using EscalationPlatform.Harness.Load;

namespace Faults.Tests;

/// <summary>A short steady load through the gateway, intake killed with SIGKILL in the middle of it and started
/// again: once the platform is quiet, every escalation that was accepted exists once, is owned and on the clock
/// (or waits for its facts), took each step once, and its notifications went out once.</summary>
public sealed class FaultHarnessTests
{
    private const string Tenant = "faults";

    [Fact]
    public async Task Killing_intake_under_load_loses_nothing_and_duplicates_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var platform = await PlatformHost.StartAsync(new PlatformOptions([Tenant]) { StatePrefix = "escalation-faults" }, cancellationToken);
        var token = await platform.TokenAsync(Tenant, "load", "agent");
        using var load = new LoadDriver(platform.Endpoint("gateway"), token, new CaseMix($"ci-{Guid.NewGuid():N}"[..11]));

        using var gateway = await platform.GatewayAsAsync(Tenant);
        var running = load.RunAtRateAsync(perSecond: 8, TimeSpan.FromSeconds(24), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
        using var plainClient = new HttpClient { BaseAddress = platform.Endpoint("gateway") }; // no resilience handler: the gateway's own answer
        plainClient.DefaultRequestHeaders.Authorization = gateway.DefaultRequestHeaders.Authorization;
        HttpResponseMessage? whileIntakeIsDown = null;
        await new FaultInjector(platform).KillServiceAsync("intake-api", "Intake.Api", cancellationToken,
            whileDown: async () => whileIntakeIsDown = await plainClient.PostAsJsonAsync("/api/v1/escalations", new { title = "probe" }, cancellationToken));
        await running;

        using (whileIntakeIsDown)
        {
            var problem = await whileIntakeIsDown!.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            // The app host's proxy in front of intake accepts the connection and then drops it: the gateway cannot
            // know whether the write arrived, so it says how to retry safely.
            Assert.True(whileIntakeIsDown.StatusCode == HttpStatusCode.BadGateway, $"{(int)whileIntakeIsDown.StatusCode}: {problem}");
            Assert.Equal("application/problem+json", whileIntakeIsDown.Content.Headers.ContentType?.MediaType);
            Assert.Contains("same Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var mail = platform.CreateClient("mail");
        var audit = await new PipelineAudit(gateway, mail).RunAsync(load.Results, TimeSpan.FromMinutes(2), cancellationToken);

        Assert.True(audit.Accepted > 100, $"only {audit.Accepted} submissions were accepted");
        Assert.True(audit.Clean, string.Join("\n", audit.Findings));
        Assert.Equal((0, 0, 0), (audit.Lost, audit.Duplicated, audit.Stuck));
        Assert.True(audit.SubmissionToOwned.Count > 0);
    }
}
