using System.Net;
using System.Net.Sockets;

namespace Notification.Api.Webhooks;

/// <summary>The HTTP handler webhooks are sent with. It resolves the host itself, refuses the connection when any
/// address is one the <see cref="OutboundAddressPolicy"/> refuses, and connects to the addresses it checked, so a
/// name that answers differently on a second lookup (DNS rebinding) cannot slip through.</summary>
public static class GuardedConnection
{
    public static SocketsHttpHandler CreateHandler(OutboundAddressPolicy policy) => new()
    {
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        // A new connection, and so a new check, at least this often; also picks up a receiver's DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        // A redirect would lead to a URL nobody checked at registration; a 3xx is a failed delivery.
        AllowAutoRedirect = false,
        // Through a proxy the proxy would resolve the name and connect, out of the guard's sight.
        UseProxy = false,
        UseCookies = false,
    };

    public static async ValueTask<Stream> ConnectAsync(OutboundAddressPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (addresses.FirstOrDefault(address => !policy.Allows(address)) is { } refused)
        {
            throw new OutboundAddressRefusedException(host, refused);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
