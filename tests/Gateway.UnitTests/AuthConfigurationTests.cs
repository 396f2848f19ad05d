using EscalationPlatform.Gateway.Identity;

namespace Gateway.UnitTests;

public sealed class AuthConfigurationTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    private static ExternalIssuerOptions Issuer(string name = "corp", string issuer = "https://login.example.com/corp", string tenant = "acme") =>
        new() { Name = name, Issuer = issuer, Audience = "escalation-platform", Tenant = tenant };

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("")]
    public void The_dev_issuer_outside_development_refuses_the_start_naming_the_setting(string environment)
    {
        var auth = new AuthOptions { DevIssuerEnabled = true, SigningKey = Key };

        var error = Assert.Throws<InvalidOperationException>(() => AuthConfiguration.EnsureValid(auth, environment));

        Assert.Contains("Auth:DevIssuerEnabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dev_issuer_in_development_starts()
    {
        AuthConfiguration.EnsureValid(new AuthOptions { DevIssuerEnabled = true, SigningKey = Key }, "Development");
    }

    [Fact]
    public void The_dev_issuer_needs_a_signing_key_of_256_bits()
    {
        var problems = AuthConfiguration.Problems(new AuthOptions { DevIssuerEnabled = true, SigningKey = Convert.ToBase64String(new byte[16]) }, "Development");

        Assert.Contains(problems, problem => problem.Contains("Auth:SigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public void A_well_configured_issuer_outside_development_starts()
    {
        var corp = Issuer();
        corp.Roles["support-agent"] = "agent";
        corp.Roles["support-admin"] = "admin";

        AuthConfiguration.EnsureValid(new AuthOptions { Issuers = [corp] }, "Production");
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("")]
    [InlineData("-acme")]
    [InlineData("acme corp")]
    public void An_issuer_with_an_invalid_tenant_is_refused(string tenant)
    {
        var problems = AuthConfiguration.Problems(new AuthOptions { Issuers = [Issuer(tenant: tenant)] }, "Production");

        Assert.Contains(problems, problem => problem.Contains("Auth:Issuers:0:Tenant", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("login.example.com")]
    [InlineData("/corp")]
    [InlineData("ftp://login.example.com")]
    [InlineData("")]
    public void An_issuer_that_is_not_an_absolute_http_url_is_refused(string issuer)
    {
        var problems = AuthConfiguration.Problems(new AuthOptions { Issuers = [Issuer(issuer: issuer)] }, "Production");

        Assert.Contains(problems, problem => problem.Contains("Auth:Issuers:0:Issuer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_metadata_address_must_be_an_absolute_url()
    {
        var corp = Issuer();
        corp.MetadataAddress = "not a url";

        var problems = AuthConfiguration.Problems(new AuthOptions { Issuers = [corp] }, "Production");

        Assert.Contains(problems, problem => problem.Contains("Auth:Issuers:0:MetadataAddress", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_http_discovery_needs_require_https_metadata_turned_off()
    {
        var local = Issuer(issuer: "http://127.0.0.1:4000");

        Assert.NotEmpty(AuthConfiguration.Problems(new AuthOptions { Issuers = [local] }, "Development"));
        local.RequireHttpsMetadata = false;
        Assert.Empty(AuthConfiguration.Problems(new AuthOptions { Issuers = [local] }, "Development"));
    }

    [Fact]
    public void The_same_issuer_twice_is_refused_even_for_different_tenants()
    {
        var problems = AuthConfiguration.Problems(new AuthOptions { Issuers = [Issuer("a", tenant: "acme"), Issuer("b", tenant: "globex")] }, "Production");

        Assert.Contains(problems, problem => problem.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void An_external_issuer_cannot_take_the_dev_issuers_name()
    {
        var auth = new AuthOptions { DevIssuerEnabled = true, SigningKey = Key, Issuers = [Issuer(issuer: "https://escalation-platform-dev")] };
        auth.Issuer = "https://escalation-platform-dev";

        Assert.Contains(AuthConfiguration.Problems(auth, "Development"), problem => problem.Contains("more than once", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("Admin")]
    [InlineData("operations")]
    public void A_role_map_to_anything_but_a_platform_role_is_refused(string platformRole)
    {
        var corp = Issuer();
        corp.Roles["everyone"] = platformRole;

        var problems = AuthConfiguration.Problems(new AuthOptions { Issuers = [corp] }, "Production");

        Assert.Contains(problems, problem => problem.Contains("Auth:Issuers:0:Roles:everyone", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_name_and_audience_are_refused_and_all_problems_are_told_at_once()
    {
        var corp = new ExternalIssuerOptions { Issuer = "https://login.example.com", Tenant = "acme" };

        var error = Assert.Throws<InvalidOperationException>(() => AuthConfiguration.EnsureValid(new AuthOptions { Issuers = [corp] }, "Production"));

        Assert.Contains("Auth:Issuers:0:Name", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Issuers:0:Audience", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_discovery_address_defaults_to_the_well_known_path_of_the_issuer()
    {
        Assert.Equal("https://login.example.com/corp/.well-known/openid-configuration", Issuer(issuer: "https://login.example.com/corp/").DiscoveryAddress);
    }
}
