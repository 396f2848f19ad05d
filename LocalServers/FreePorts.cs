using System.Net;
using System.Net.Sockets;

namespace EscalationPlatform.LocalServers;

public static class FreePorts
{
    private const int Lowest = 20_000;
    private const int DefaultEphemeralStart = 32_768;

    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    /// <summary>A port nothing listens on right now. Local servers get their port from here rather than from the
    /// process manager, because a port it assigns is not known inside the app host until the process starts. It
    /// comes from below the range the kernel gives outgoing connections: a port from that range that was free when
    /// chosen can be taken by some client's connection before the server binds it ("Address already in use").</summary>
    public static int Next()
    {
        var highest = EphemeralStart() - 1;
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1_000 && highest > Lowest; attempt++)
            {
                var port = Random.Shared.Next(Lowest, highest + 1);
                if (!Given.Contains(port) && !IsInUse(port))
                {
                    Given.Add(port); // not handed out twice before its server binds it
                    return port;
                }
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>The first port of the kernel's range for outgoing connections (Linux), or the usual default.</summary>
    private static int EphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return int.TryParse(range.FirstOrDefault(), out var start) && start > Lowest ? start : DefaultEphemeralStart;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return DefaultEphemeralStart;
        }
    }
}
