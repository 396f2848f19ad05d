using System.Net;
using System.Net.Sockets;
using EscalationPlatform.AppHost;
using EscalationPlatform.LocalServers;
using Microsoft.Extensions.Configuration;

namespace AppHost.UnitTests;

public sealed class PlatformPortsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Zero_means_any_free_port()
    {
        var ports = PlatformPorts.From(Configuration(("Ports:Gateway", "0"), ("Ports:GatewayGrpc", "0"), ("Ports:MailWeb", "0"), ("Ports:Portal", "0")));

        Assert.Equal(new PlatformPorts(null, null, null, null, null), ports);
    }

    [Fact]
    public void A_fixed_port_in_use_is_refused_naming_the_port_its_use_and_how_to_change_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var busy = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = Assert.Throws<InfrastructureException>(() => PlatformPorts.From(
            Configuration(("Ports:Gateway", busy.ToString()), ("Ports:GatewayGrpc", "0"), ("Ports:MailWeb", "0"), ("Ports:Portal", "0"))));

        Assert.Contains($"Port {busy} for the gateway is already in use", error.Message);
        Assert.Contains("Ports__Gateway", error.Message);
    }

    [Fact]
    public void The_dashboard_port_is_read_from_aspnetcore_urls()
    {
        var free = FreePorts.Next();

        var ports = PlatformPorts.From(Configuration(
            ("Ports:Gateway", "0"), ("Ports:GatewayGrpc", "0"), ("Ports:MailWeb", "0"), ("Ports:Portal", "0"), ("ASPNETCORE_URLS", $"http://localhost:{free}")));

        Assert.Equal(free, ports.Dashboard);
    }
}
