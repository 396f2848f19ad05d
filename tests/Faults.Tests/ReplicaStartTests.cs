using EscalationPlatform.Harness;
using EscalationPlatform.Harness.Load;

namespace Faults.Tests;

/// <summary>Two replicas of every service started at once on empty databases: each pair migrates its database
/// without racing the other (one waits for the other's migration, then finds nothing pending), both stay up, the
/// gateway becomes healthy, and an escalation submitted through it comes out owned and on the clock.</summary>
public sealed class ReplicaStartTests
{
    private const string Tenant = "replicas";

    [Fact]
    public async Task Two_replicas_of_every_service_start_on_empty_databases_and_an_escalation_comes_out_owned()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var platform = await PlatformHost.StartAsync(new PlatformOptions([Tenant])
        {
            StatePrefix = "escalation-replicas",
            Replicas = 2,
            WarmUp = new WarmUp(PerSecond: 1, TimeSpan.Zero), // the submission below is the first one
        }, cancellationToken);

        var key = await platform.PartnerKeyAsync(Tenant, "replicas");
        using var load = new LoadDriver(platform.Endpoint("gateway"), key, new CaseMix($"rep-{Guid.NewGuid():N}"[..12], incompleteShare: 0, duplicateShare: 0));
        await load.RunAtRateAsync(perSecond: 1, TimeSpan.FromSeconds(1), cancellationToken); // exactly one submission
        using var gateway = platform.PartnerClient(key);
        var audit = await new PipelineAudit(gateway, mail: null).RunAsync(load.Results, TimeSpan.FromMinutes(1), cancellationToken);

        Assert.Equal(1, audit.Accepted);
        Assert.True(audit.Clean, string.Join("\n", audit.Findings));
        Assert.Equal(1, audit.SubmissionToOwned.Count);

        foreach (var (service, assembly) in PlatformProcesses.Assemblies.Where(service => service.Key != "gateway"))
        {
            var replicas = platform.Processes.Of(assembly);
            Assert.True(replicas.Count == 2, $"{service} has {replicas.Count} live replicas, not 2: one died starting");
        }
    }
}
