using Aspire.Hosting;
using EscalationPlatform.Harness;
using EscalationPlatform.Harness.Faults;
using EscalationPlatform.Testing;

namespace Faults.Tests;

/// <summary>One platform for the fault tests, run as the production overlay runs it: on a three-node RabbitMQ cluster with
/// quorum queues, the gateway giving up on a dead service after 5 s. Each test has a tenant of its own, so its audit
/// counts only its escalations; a stopped broker node stays down (two of three still make a quorum).</summary>
public sealed class ClusterPlatform : IAsyncLifetime
{
    public RabbitMqCluster Cluster { get; private set; } = null!;

    public PlatformHost Platform { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cluster = await RabbitMqCluster.StartAsync(Path.Combine(Path.GetTempPath(), $"escalation-cluster-{Guid.NewGuid():N}"));
        Platform = await PlatformHost.StartAsync(new PlatformOptions([FaultHarnessTests.Tenant, BrokerNodeLossTests.Tenant, PortalRestartTests.Tenant])
        {
            StatePrefix = "escalation-faults",
            AwaitRunning = ["portal"],
            Customize = builder => PlatformHost.Project(builder, "gateway").WithEnvironment("Gateway__RequestTimeout", "00:00:05"),
        }.OnCluster(Cluster));
    }

    public async ValueTask DisposeAsync()
    {
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(ClusterPlatform))]
public sealed class ClusterPlatformCollection : ICollectionFixture<ClusterPlatform>;
