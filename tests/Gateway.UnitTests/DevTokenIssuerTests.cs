using System.Net;
using EscalationPlatform.Gateway.Identity;

namespace Gateway.UnitTests;

public sealed class DevTokenIssuerTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.0.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Callers_on_this_machine_are_answered(string address)
    {
        Assert.True(DevTokenIssuer.IsLocalCaller(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void Callers_from_elsewhere_are_not(string address)
    {
        Assert.False(DevTokenIssuer.IsLocalCaller(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_caller_without_an_address_is_not_local()
    {
        Assert.False(DevTokenIssuer.IsLocalCaller(null));
    }
}
