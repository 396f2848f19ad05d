using EscalationPlatform.Harness.Faults;

namespace Faults.Tests;

/// <summary>The platform on a three-node RabbitMQ cluster with quorum queues (as the production overlay runs it), one
/// node stopped under load and left down (<see cref="FaultUnderLoad"/>): nothing lost or duplicated, and escalations
/// submitted after the stop are owned without the node coming back.</summary>
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

        var (audit, stopped) = await FaultUnderLoad.AuditAsync(platform, Tenant, () => cluster.StopNodeAsync(0), cancellationToken); // the node the others joined

        Assert.NotNull(audit.FirstCompletionAfter(stopped));
        Assert.True(cluster.Nodes[0].IsStopped, "the stopped node came back before the audit");
        Assert.Equal(2, (await cluster.RunningNodesAsync()).Count);
    }
}
