using System.Security.Cryptography;
using System.Text.Json;
using EscalationPlatform.LocalServers;

namespace EscalationPlatform.Testing;

/// <summary>A throwaway RabbitMQ cluster on this machine: nodes with distinct names and ports sharing one private
/// Erlang port mapper and one cookie, the second and later joined to the first with <c>rabbitmqctl join_cluster</c>,
/// behind one address (<see cref="TcpBalancer"/>) as a Kubernetes Service would put them. Any node can be stopped and
/// started again (it rejoins on its own). Its folder goes with it.</summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServerProcess _portMapper;
    private readonly TcpBalancer _balancer;

    private RabbitMqCluster(string directory, ServerProcess portMapper, IReadOnlyList<RabbitMqServer> nodes, TcpBalancer balancer)
    {
        _directory = directory;
        _portMapper = portMapper;
        Nodes = nodes;
        _balancer = balancer;
    }

    public IReadOnlyList<RabbitMqServer> Nodes { get; }

    /// <summary>The cluster's one address (guest, default virtual host).</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{_balancer.Port}/";

    public static async Task<RabbitMqCluster> StartAsync(string directory, int size = 3)
    {
        Directory.CreateDirectory(directory);
        var installDirectory = LocalServerLocator.RabbitMqInstallDirectory(null);
        var epmdPort = FreePorts.Next();
        var cookie = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var options = Enumerable.Range(1, size).Select(number => new RabbitMqServerOptions(installDirectory, Path.Combine(directory, $"node-{number}"),
            FreePorts.Next(), FreePorts.Next(), epmdPort, $"rmq-{number}@localhost", FreePorts.Next(), cookie)).ToList();
        var portMapperCommand = RabbitMqCommands.PortMapper(options[0]) with { Executable = LocalServerLocator.OnPath("epmd", "erlang-base") };
        var portMapper = ServerProcess.Start(portMapperCommand, directory, Path.Combine(directory, "epmd.log"));
        var starting = options.Select(node => RabbitMqServer.StartAsync(node, ownPortMapper: null)).ToList();
        try
        {
            var nodes = await Task.WhenAll(starting);
            foreach (var joining in nodes.Skip(1))
            {
                await joining.ControlAsync("stop_app");
                await joining.ControlAsync("join_cluster", nodes[0].NodeName);
                await joining.ControlAsync("start_app");
                await joining.UntilServingAsync();
            }

            var cluster = new RabbitMqCluster(directory, portMapper, nodes, TcpBalancer.Start([.. nodes.Select(node => node.Port)]));
            await Eventually.ReachesAsync(cluster.RunningNodesAsync, running => running.Count == size, TimeSpan.FromSeconds(30),
                $"all {size} nodes running in one cluster");
            return cluster;
        }
        catch
        {
            foreach (var node in starting.Where(start => start.IsCompletedSuccessfully))
            {
                await node.Result.DisposeAsync();
            }

            await portMapper.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops one node cleanly (SIGTERM): its clients lose their connections, its queue replicas go offline.</summary>
    public Task StopNodeAsync(int index) => Nodes[index].StopAsync();

    public Task StartNodeAgainAsync(int index) => Nodes[index].StartAgainAsync();

    /// <summary>The names of the nodes the cluster sees running, asked of a node that is up.</summary>
    public async Task<IReadOnlyList<string>> RunningNodesAsync()
    {
        var nodes = await AnyRunningNode().ManagementAsync("nodes");
        return [.. nodes.EnumerateArray().Where(node => node.GetProperty("running").GetBoolean()).Select(node => node.GetProperty("name").GetString()!)];
    }

    /// <summary>The queues of the default virtual host: name, type ("quorum", "classic") and the nodes holding a replica.</summary>
    public async Task<IReadOnlyList<BrokerQueue>> QueuesAsync()
    {
        var queues = await AnyRunningNode().ManagementAsync("queues/%2F");
        return [.. queues.EnumerateArray().Select(queue => new BrokerQueue(
            queue.GetProperty("name").GetString()!,
            queue.GetProperty("type").GetString()!,
            queue.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
                ? [.. members.EnumerateArray().Select(member => member.GetString()!)]
                : []))];
    }

    public async ValueTask DisposeAsync()
    {
        await _balancer.DisposeAsync();
        await Task.WhenAll(Nodes.Select(node => node.DisposeAsync().AsTask())); // one by one, each would wait for the others' quorum handovers
        await _portMapper.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private RabbitMqServer AnyRunningNode() =>
        Nodes.FirstOrDefault(node => !node.IsStopped) ?? throw new InvalidOperationException("Every node of the cluster is stopped.");
}

/// <param name="Name">The queue's name.</param>
/// <param name="Type">"quorum" or "classic".</param>
/// <param name="Members">The nodes holding a replica of a quorum queue (empty for a classic queue).</param>
public sealed record BrokerQueue(string Name, string Type, IReadOnlyList<string> Members);
