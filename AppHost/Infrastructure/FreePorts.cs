using System.Net;
using System.Net.Sockets;

namespace EscalationPlatform.AppHost.Infrastructure;

public static class FreePorts
{
    /// <summary>A port nothing listens on right now. Local servers get their port from here rather than from the
    /// process manager, because a port it assigns is not known inside the app host until the process starts.</summary>
    public static int Next()
    {
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
}
