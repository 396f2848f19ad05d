using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EscalationPlatform.LocalServers;

namespace EscalationPlatform.Testing;

/// <summary>One address in front of several servers, as a Kubernetes Service is in front of a RabbitMQ cluster's pods:
/// each new connection goes to the next server that accepts it, and lives exactly as long as that server's side does
/// (a stopped node's clients see their connection close and connect again, to a node that is up).</summary>
public sealed class TcpBalancer : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private readonly TcpListener _listener;
    private readonly IReadOnlyList<int> _ports;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly Task _accepting;
    private int _next = -1;

    private TcpBalancer(TcpListener listener, IReadOnlyList<int> ports)
    {
        _listener = listener;
        _ports = ports;
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Listens on a free loopback port for the servers on <paramref name="ports"/> (127.0.0.1).</summary>
    public static TcpBalancer Start(IReadOnlyList<int> ports)
    {
        var listener = new TcpListener(IPAddress.Loopback, FreePorts.Next());
        listener.Start();
        return new TcpBalancer(listener, ports);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([_accepting, .. _connections.Keys]).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = RelayAsync(client);
            _connections[connection] = true;
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = await ConnectToAnyAsync())
        {
            if (server is null)
            {
                return; // no server up: the client's connection closes, and it tries again
            }

            using var relay = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var toServer = client.GetStream().CopyToAsync(server.GetStream(), relay.Token);
            var toClient = server.GetStream().CopyToAsync(client.GetStream(), relay.Token);
            await Task.WhenAny(toServer, toClient); // either side closing ends both
            await relay.CancelAsync();
            await Task.WhenAll(toServer, toClient).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<TcpClient?> ConnectToAnyAsync()
    {
        var first = Interlocked.Increment(ref _next);
        for (var attempt = 0; attempt < _ports.Count; attempt++)
        {
            var server = new TcpClient { NoDelay = true };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(ConnectTimeout);
                await server.ConnectAsync(IPAddress.Loopback, _ports[(int)((uint)(first + attempt) % (uint)_ports.Count)], timeout.Token);
                return server;
            }
            catch (Exception error) when (error is SocketException or OperationCanceledException)
            {
                server.Dispose();
            }
        }

        return null;
    }
}
