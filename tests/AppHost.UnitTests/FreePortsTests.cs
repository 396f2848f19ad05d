using EscalationPlatform.LocalServers;

namespace AppHost.UnitTests;

public sealed class FreePortsTests
{
    [Fact]
    public void Ports_are_free_distinct_and_below_the_range_the_kernel_gives_outgoing_connections()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0]);

        var ports = Enumerable.Range(0, 50).Select(_ => FreePorts.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 20_000, ephemeralStart - 1));
        Assert.All(ports, port => Assert.False(FreePorts.IsInUse(port)));
    }
}
