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

        var running = load.RunAtRateAsync(perSecond: 8, TimeSpan.FromSeconds(24), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
        await new FaultInjector(platform).KillServiceAsync("intake-api", "Intake.Api", cancellationToken);
        await running;

        using var gateway = await platform.GatewayAsAsync(Tenant);
        using var mail = platform.CreateClient("mail");
        var audit = await new PipelineAudit(gateway, mail).RunAsync(load.Results, TimeSpan.FromMinutes(2), cancellationToken);

        Assert.True(audit.Accepted > 100, $"only {audit.Accepted} submissions were accepted");
        Assert.True(audit.Clean, string.Join("\n", audit.Findings));
        Assert.Equal((0, 0, 0), (audit.Lost, audit.Duplicated, audit.Stuck));
        Assert.True(audit.SubmissionToOwned.Count > 0);
    }
}
