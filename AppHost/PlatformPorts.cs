using EscalationPlatform.LocalServers;
using Microsoft.Extensions.Configuration;

namespace EscalationPlatform.AppHost;

/// <summary>The fixed ports a developer types into a browser or curl; 0 in configuration means "any free port"
/// (tests use that, so they can run beside ./run.sh).</summary>
public sealed record PlatformPorts(int? Gateway, int? GatewayGrpc, int? MailWeb, int? Dashboard, int? Portal)
{
    public const int DefaultGateway = 5080;
    public const int DefaultGatewayGrpc = 5081;
    public const int DefaultMailWeb = 15081;
    public const int DefaultPortal = 5090;

    public static PlatformPorts From(IConfiguration configuration)
    {
        var ports = new PlatformPorts(
            Read(configuration, "Ports:Gateway", DefaultGateway),
            Read(configuration, "Ports:GatewayGrpc", DefaultGatewayGrpc),
            Read(configuration, "Ports:MailWeb", DefaultMailWeb),
            DashboardPort(configuration),
            Read(configuration, "Ports:Portal", DefaultPortal));
        ports.EnsureFree();
        return ports;
    }

    private void EnsureFree()
    {
        foreach (var (what, port, key) in new[] { ("gateway", Gateway, "Ports__Gateway"), ("gateway gRPC", GatewayGrpc, "Ports__GatewayGrpc"), ("mail web UI", MailWeb, "Ports__MailWeb"), ("dashboard", Dashboard, "ASPNETCORE_URLS"), ("portal", Portal, "Ports__Portal") })
        {
            if (port is { } fixedPort && FreePorts.IsInUse(fixedPort))
            {
                throw new InfrastructureException(
                    $"Port {fixedPort} for the {what} is already in use (another ./run.sh?): stop what uses it, or choose another port with {key}=<port>.");
            }
        }
    }

    /// <summary>The dashboard listens where ASPNETCORE_URLS (set by run.sh and the launch profile) says.</summary>
    private static int? DashboardPort(IConfiguration configuration) =>
        configuration["ASPNETCORE_URLS"]?.Split(';').FirstOrDefault() is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0
            ? uri.Port
            : null;

    private static int? Read(IConfiguration configuration, string key, int fallback) =>
        configuration.GetValue(key, fallback) is var port && port > 0 ? port : null;
}
