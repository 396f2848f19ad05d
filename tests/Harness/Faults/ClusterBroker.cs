using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using EscalationPlatform.Testing;

namespace EscalationPlatform.Harness.Faults;

/// <summary>The platform on a RabbitMQ cluster, configured as the production overlay configures it: every endpoint's
/// queue a quorum queue with an explicit delivery limit, the services reaching the cluster through its one address.</summary>
public static class ClusterBroker
{
    public static PlatformOptions OnCluster(this PlatformOptions options, RabbitMqCluster cluster) => options with
    {
        Settings = [.. options.Settings, $"ConnectionStrings:messaging={cluster.ConnectionString}"],
        Customize = builder =>
        {
            foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            {
                builder.CreateResourceBuilder(project)
                    .WithEnvironment("Messaging__QuorumQueues", "true")
                    .WithEnvironment("Messaging__QuorumDeliveryLimit", "1000");
            }

            options.Customize?.Invoke(builder);
        },
    };

    /// <summary>The receive endpoints' queues (and their _error and _skipped queues): every queue but the buses' own.</summary>
    public static async Task<IReadOnlyList<BrokerQueue>> EndpointQueuesAsync(this RabbitMqCluster cluster) =>
        [.. (await cluster.QueuesAsync()).Where(queue => !queue.Name.StartsWith("bus-", StringComparison.Ordinal))];
}
