using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EscalationPlatform.LocalServers;
using RabbitMQ.Client;

namespace EscalationPlatform.Testing;

/// <summary>A throwaway RabbitMQ node (with its own Erlang port mapper, unless it is one of a cluster's nodes) in a
/// temporary folder, built from the app host's command lines, with the management API on a free port so each test can
/// have its own virtual host. It can be stopped and started again on the same data and ports, as a broker restart.</summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private readonly RabbitMqServerOptions _options;
    private readonly ServerProcess? _portMapper;
    private readonly HttpClient _management;
    private ServerProcess? _process;

    private RabbitMqServer(RabbitMqServerOptions options, ServerProcess? portMapper)
    {
        _options = options;
        _portMapper = portMapper;
        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.ManagementPort}/api/") };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
    }

    public int Port => _options.Port;

    public string NodeName => _options.NodeName;

    /// <summary>Whether the node was stopped (and not started again).</summary>
    public bool IsStopped => _process is null || _process.HasExited;

    public string ConnectionString(string virtualHost) => $"amqp://guest:guest@127.0.0.1:{Port}/{Uri.EscapeDataString(virtualHost)}";

    public static async Task<RabbitMqServer> StartAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var options = new RabbitMqServerOptions(LocalServerLocator.RabbitMqInstallDirectory(null), directory,
            FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), "test-broker@localhost", FreePorts.Next());
        var portMapperCommand = RabbitMqCommands.PortMapper(options) with { Executable = LocalServerLocator.OnPath("epmd", "erlang-base") };
        var portMapper = ServerProcess.Start(portMapperCommand, directory, Path.Combine(directory, "epmd.log"));
        return await StartAsync(options, portMapper);
    }

    /// <summary>Starts a node; <paramref name="ownPortMapper"/> is stopped with it (a cluster's nodes share one).</summary>
    internal static async Task<RabbitMqServer> StartAsync(RabbitMqServerOptions options, ServerProcess? ownPortMapper)
    {
        Directory.CreateDirectory(options.StateDirectory);
        RabbitMqCommands.WriteConfigurationFiles(options);
        var server = new RabbitMqServer(options, ownPortMapper);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Runs rabbitmqctl against this node (for example "join_cluster"), failing with what it printed.</summary>
    public Task ControlAsync(params string[] arguments) => Task.Run(() => RabbitMqCommands.Control(_options, arguments).Run());

    /// <summary>A GET of the node's management API (a path below /api/), as JSON.</summary>
    public Task<System.Text.Json.JsonElement> ManagementAsync(string path) => _management.GetFromJsonAsync<System.Text.Json.JsonElement>(path);

    public async Task StartAgainAsync()
    {
        _process = ServerProcess.Start(RabbitMqCommands.Server(_options), _options.StateDirectory, Path.Combine(_options.StateDirectory, "rabbitmq.log"));
        await UntilServingAsync();
    }

    /// <summary>Waits until the node accepts AMQP connections and answers on its management API.</summary>
    public Task UntilServingAsync() =>
        Eventually.ReachesAsync(CanServeAsync, ready => ready, TimeSpan.FromSeconds(90), $"RabbitMQ {NodeName} on port {Port} serving AMQP and its management API",
            TimeSpan.FromMilliseconds(250));

    /// <summary>A clean broker shutdown (SIGTERM), as an operator's restart would do.</summary>
    public Task StopAsync() => _process?.StopAsync(TimeSpan.FromSeconds(60)) ?? Task.CompletedTask;

    public async Task<string> CreateVirtualHostAsync(string name)
    {
        var escaped = Uri.EscapeDataString(name);
        (await _management.PutAsync($"vhosts/{escaped}", null)).EnsureSuccessStatusCode();
        (await _management.PutAsJsonAsync($"permissions/{escaped}/guest", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return ConnectionString(name);
    }

    /// <summary>How many messages wait in a queue of a virtual host (0 if the queue does not exist).</summary>
    public async Task<long> QueueDepthAsync(string virtualHost, string queue)
    {
        var response = await _management.GetAsync($"queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }

        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.TryGetProperty("messages", out var messages) ? messages.GetInt64() : 0;
    }

    /// <summary>The heartbeat, in seconds, the broker agreed with each client connection of a virtual host.</summary>
    public async Task<IReadOnlyList<int>> HeartbeatsAsync(string virtualHost)
    {
        var connections = await _management.GetFromJsonAsync<System.Text.Json.JsonElement>($"vhosts/{Uri.EscapeDataString(virtualHost)}/connections");
        return [.. connections.EnumerateArray().Select(connection => connection.GetProperty("timeout").GetInt32())];
    }

    public async ValueTask DisposeAsync()
    {
        _management.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_portMapper is not null)
        {
            await _portMapper.DisposeAsync();
        }
    }

    private async Task<bool> CanServeAsync()
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(ConnectionString("/")) }.CreateConnectionAsync();
            using var overview = await _management.GetAsync("overview");
            return overview.IsSuccessStatusCode;
        }
        catch (Exception error) when (error is RabbitMQ.Client.Exceptions.BrokerUnreachableException or HttpRequestException or IOException)
        {
            return false;
        }
    }
}
