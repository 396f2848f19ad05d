using EscalationPlatform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Web.UnitTests;

public sealed class DemoTenantsTests
{
    [Theory]
    [InlineData("Development", null, new[] { "demo" })]
    [InlineData("Production", null, new string[0])]
    [InlineData("Production", "acme-trial, beta", new[] { "acme-trial", "beta" })]
    [InlineData("Development", "", new string[0])]
    public void Demo_data_is_seeded_in_development_or_when_asked(string environment, string? configured, string[] expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : [new KeyValuePair<string, string?>("Demo:Tenants", configured)])
            .Build();
        IHostEnvironment host = new HostingEnvironment { EnvironmentName = environment };

        Assert.Equal(expected, DemoTenants.Of(configuration, host));
    }
}
