using static EndToEnd.Tests.Problems;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EscalationPlatform.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EndToEnd.Tests;

/// <summary>Users of an external OpenID Connect provider (a real one, <see cref="OidcProvider"/>) at the gateway: their
/// tokens work in the tenant configured for the provider, with the roles the provider's role values map to, and
/// nothing else the token claims; tokens that are not the provider's valid tokens for this platform get 401.</summary>
public sealed class ExternalIssuerTests(PlatformFixture platform)
{
    private OidcProvider Provider => platform.IdentityProvider;

    [Theory]
    [InlineData(OidcProvider.RsaResource)]
    [InlineData(OidcProvider.EcResource)]
    [InlineData(OidcProvider.PssResource)]
    public async Task A_token_from_the_tenants_issuer_reads_that_tenants_escalations(string resource)
    {
        using var admin = platform.Escalations(Tenants.ExternalIssuer);
        var id = await admin.SubmitAsync(Cases.TeamProblem());
        using var gateway = WithToken(await Provider.TokenAsync("agent", resource));

        using var list = await gateway.GetAsync("/api/v1/escalations", TestContext.Current.CancellationToken);
        using var record = await gateway.GetAsync($"/api/v1/escalations/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
    }

    [Fact]
    public async Task The_user_acts_in_the_configured_tenant_not_the_one_the_token_names()
    {
        using var gateway = WithToken(await Provider.TokenAsync("agent")); // its token says tenant "someone-else"
        using var elsewhere = platform.Escalations("demo");
        var notTheirs = await elsewhere.SubmitAsync(Cases.TeamProblem());

        using var submitted = await gateway.PostAsJsonAsync("/api/v1/escalations", Cases.TeamProblem(), TestContext.Current.CancellationToken);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        using var foreign = await gateway.GetAsync($"/api/v1/escalations/{notTheirs}", TestContext.Current.CancellationToken);

        Assert.True(submitted.IsSuccessStatusCode, $"{(int)submitted.StatusCode}");
        using var admin = platform.Escalations(Tenants.ExternalIssuer);
        Assert.Equal(id, (await admin.GetAsync(id)).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/triage/matrix")]
    [InlineData("GET", "/api/v1/escalations/ops/error-queues")]
    [InlineData("GET", "/api/v1/admin/api-keys")]
    public async Task An_agent_gets_no_more_for_the_scope_and_role_claims_it_carries(string method, string path)
    {
        var token = await Provider.TokenAsync("agent"); // scope "operations config:write", customer, rate_limit, actor_kind partner
        Assert.Equal("operations config:write", new JsonWebToken(token).GetClaim("scope").Value);
        using var gateway = WithToken(token);

        using var response = await gateway.SendAsync(Request(method, path), TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(path.Contains("/ops/", StringComparison.Ordinal) ? "needs the platform operator's credential" : "needs the role",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_issuers_admin_role_maps_to_the_platforms_admin()
    {
        using var gateway = WithToken(await Provider.TokenAsync("admin"));

        using var response = await gateway.GetAsync("/api/v1/admin/api-keys", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_with_no_role_this_platform_knows_answers_401_with_the_reason()
    {
        using var gateway = WithToken(await Provider.TokenAsync("visitor")); // roles "visitor" and "admin": neither is mapped

        using var response = await gateway.GetAsync("/api/v1/escalations", TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("no platform role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_audience_answers_401()
    {
        await AssertRefusedAsync(await Provider.TokenAsync("agent", OidcProvider.OtherAudienceResource));
    }

    [Fact]
    public async Task An_expired_token_answers_401()
    {
        var token = await Provider.TokenAsync("agent", OidcProvider.ShortLivedResource); // lives 1 s; the gateway allows 1 s of skew
        using var gateway = WithToken(token);

        var status = await Eventually.ReachesAsync(async () =>
        {
            using var response = await gateway.GetAsync("/api/v1/escalations", TestContext.Current.CancellationToken);
            return response.StatusCode;
        }, status => status == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(20), "the expired token refused", TimeSpan.FromMilliseconds(250));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var problem = await AssertRefusedAsync(token);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_with_its_signature_removed_and_alg_none_answers_401()
    {
        var real = (await Provider.TokenAsync("admin")).Split('.');
        var unsigned = $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""")}.{real[1]}.";

        await AssertRefusedAsync(unsigned);
    }

    [Fact]
    public async Task A_token_signed_with_hs256_and_the_providers_public_key_answers_401()
    {
        var rsa = (await Provider.KeysAsync()).GetProperty("keys").EnumerateArray().First(key => key.GetProperty("kty").GetString() == "RSA");
        using var publicKey = RSA.Create(new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(rsa.GetProperty("n").GetString()),
            Exponent = Base64UrlEncoder.DecodeBytes(rsa.GetProperty("e").GetString()),
        });
        var confused = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Provider.Issuer,
            Audience = PlatformFixture.Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["roles"] = new[] { "support-admin" } },
            SigningCredentials = new(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicKey.ExportSubjectPublicKeyInfoPem())) { KeyId = rsa.GetProperty("kid").GetString() },
                SecurityAlgorithms.HmacSha256),
        });

        await AssertRefusedAsync(confused);
    }

    [Fact]
    public async Task A_token_from_an_issuer_the_gateway_was_not_told_about_answers_401()
    {
        await using var stranger = await OidcProvider.StartAsync(PlatformFixture.Audience);

        var problem = await AssertRefusedAsync(await stranger.TokenAsync("admin"));

        Assert.Contains("issuer this platform trusts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private HttpClient WithToken(string token)
    {
        var client = platform.CreateClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonElement> AssertRefusedAsync(string token)
    {
        using var gateway = WithToken(token);
        using var response = await gateway.GetAsync("/api/v1/escalations", TestContext.Current.CancellationToken);
        return await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
