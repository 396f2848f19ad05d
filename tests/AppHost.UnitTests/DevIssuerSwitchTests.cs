using EscalationPlatform.AppHost;

namespace AppHost.UnitTests;

public sealed class DevIssuerSwitchTests
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Development", "true", true)]
    [InlineData("Development", "false", false)]
    [InlineData("Development", "False", false)]
    [InlineData("development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", false)]
    [InlineData("Staging", "True", false)]
    public void The_dev_issuer_is_on_in_development_only_and_configuration_can_only_turn_it_off(string environment, string? configured, bool expected)
    {
        Assert.Equal(expected, PlatformResources.DevIssuerEnabled(environment, configured));
    }
}
