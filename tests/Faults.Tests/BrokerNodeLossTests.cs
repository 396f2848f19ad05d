using EscalationPlatform.Harness.Faults;
using EscalationPlatform.Harness.Load;

namespace Faults.Tests;

/// <summary>The platform on a three-node RabbitMQ cluster with quorum queues (as the production overlay runs it), one
/// node stopped under load and left down: every accepted escalation exists once, is owned and on the clock, took each
/// step once and told its people once, without the node coming back.</summary>
[Collection(nameof(ClusterPlatform))]
public sealed class BrokerNodeLossTests(ClusterPlatform fixture)
{
    public const string Tenant = "node-loss";

    [Fact]
    public async Task Stopping_a_broker_node_under_load_loses_nothing_duplicates_nothing_and_does_not_wait_for_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (cluster, platform) = (fixture.Cluster, fixture.Platform);
        var queues = await cluster.EndpointQueuesAsync();
        Assert.NotEmpty(queues);
        Assert.All(queues, queue => Assert.Equal(("quorum", 3), (queue.Type, queue.Members.Count)));

        using var load = new LoadDriver(platform.Endpoint("gateway"), await platform.TokenAsync(Tenant, "load", "agent"),
            new CaseMix($"nl-{Guid.NewGuid():N}"[..11]));
        var running = load.RunAtRateAsync(perSecond: 8, TimeSpan.FromSeconds(24), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
        await cluster.StopNodeAsync(0); // the node the others joined
        var stopped = DateTimeOffset.UtcNow;
        await running;

        using var gateway = await platform.GatewayAsAsync(Tenant);
        using var mail = platform.CreateClient("mail");
        var audit = await new PipelineAudit(gateway, mail).RunAsync(load.Results, TimeSpan.FromMinutes(2), cancellationToken);

        Assert.True(audit.Accepted > 100, $"only {audit.Accepted} submissions were accepted");
        Assert.True(audit.Clean, string.Join("\n", audit.Findings));
        Assert.Equal((0, 0, 0), (audit.Lost, audit.Duplicated, audit.Stuck));
        Assert.NotNull(audit.FirstCompletionAfter(stopped));
        Assert.True(cluster.Nodes[0].IsStopped, "the stopped node came back before the audit");
        Assert.Equal(2, (await cluster.RunningNodesAsync()).Count);
    }
}
