using System.Net;
using Notification.Api.Webhooks;

namespace Notification.UnitTests;

public sealed class OutboundAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")] // loopback
    [InlineData("127.255.255.254")]
    [InlineData("::1")]
    [InlineData("0.0.0.0")] // unspecified
    [InlineData("0.1.2.3")]
    [InlineData("::")]
    [InlineData("169.254.169.254")] // link-local: the cloud metadata endpoint
    [InlineData("169.254.0.1")]
    [InlineData("fe80::1")]
    [InlineData("10.0.0.1")] // private
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("100.64.0.1")] // carrier-grade NAT
    [InlineData("100.127.255.255")]
    [InlineData("224.0.0.1")] // multicast
    [InlineData("239.255.255.250")]
    [InlineData("ff02::1")]
    [InlineData("240.0.0.1")] // reserved
    [InlineData("255.255.255.255")] // broadcast
    [InlineData("198.18.0.1")] // benchmarking
    [InlineData("198.19.255.255")]
    [InlineData("2001:2::1")]
    [InlineData("192.0.2.1")] // documentation
    [InlineData("198.51.100.1")]
    [InlineData("203.0.113.1")]
    [InlineData("2001:db8::1")]
    [InlineData("192.0.0.8")] // IETF protocol assignments
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::127.0.0.1")] // IPv4-compatible (deprecated)
    [InlineData("::8.8.8.8")]
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b:1::808:808")] // local-use NAT64
    [InlineData("2002:7f00:1::1")] // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::1")] // 6to4 of 192.168.1.1
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo
    [InlineData("fec0::1")] // site-local (deprecated)
    [InlineData("100::1")] // discard-only
    public void Refuses_internal_private_and_special_addresses(string address) =>
        Assert.False(OutboundAddressPolicy.PublicOnly.Allows(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")] // just outside 172.16.0.0/12
    [InlineData("100.128.0.1")] // just outside 100.64.0.0/10
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")] // 6to4 of 8.8.8.8
    public void Allows_public_addresses(string address) =>
        Assert.True(OutboundAddressPolicy.PublicOnly.Allows(IPAddress.Parse(address)));

    [Fact]
    public void An_allow_listed_network_is_allowed_and_nothing_else_is()
    {
        var policy = OutboundAddressPolicy.WithAllowedNetworks(" 127.0.0.2/32, 10.1.0.0/16,fd00::5 ");

        Assert.True(policy.Allows(IPAddress.Parse("127.0.0.2")));
        Assert.True(policy.Allows(IPAddress.Parse("::ffff:127.0.0.2")));
        Assert.True(policy.Allows(IPAddress.Parse("10.1.200.3")));
        Assert.True(policy.Allows(IPAddress.Parse("fd00::5")));
        Assert.True(policy.Allows(IPAddress.Parse("8.8.8.8")));
        Assert.False(policy.Allows(IPAddress.Parse("127.0.0.1")));
        Assert.False(policy.Allows(IPAddress.Parse("10.2.0.1")));
        Assert.False(policy.Allows(IPAddress.Parse("fd00::6")));
        Assert.False(policy.Allows(IPAddress.Parse("169.254.169.254")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void No_allow_list_means_public_addresses_only(string? networks) =>
        Assert.False(OutboundAddressPolicy.WithAllowedNetworks(networks).Allows(IPAddress.Loopback));

    [Theory]
    [InlineData("10.1.0.0/33")]
    [InlineData("intake-api")]
    [InlineData("10.1.0.0/16;10.2.0.0/16")] // separated by commas, not semicolons
    public void A_malformed_allow_list_is_refused_naming_the_setting(string networks)
    {
        var error = Assert.Throws<FormatException>(() => OutboundAddressPolicy.WithAllowedNetworks(networks));
        Assert.Contains("Notification:Webhooks:AllowedNetworks", error.Message, StringComparison.Ordinal);
    }
}
