using static EndToEnd.Tests.Problems;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>Authentication and authorization at the gateway: no credential, a bad one, a revoked one, the wrong
/// role or the wrong scope — each answered with problem details, and nothing passes through to a service.</summary>
public sealed class AccessTests(PlatformFixture platform)
{
    public static TheoryData<string, string> Endpoints() => [.. GatewayEndpoints.All().Select(endpoint => (endpoint.Method, endpoint.Path))];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_credential_every_endpoint_answers_401(string method, string path)
    {
        using var gateway = platform.CreateClient("gateway");

        using var response = await gateway.SendAsync(Request(method, path), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")]
    [InlineData("Bearer", "ep_not-a-key-anyone-was-given")]
    [InlineData("Basic", "YWxlcnRtYW5hZ2VyOm5vdC1hLWtleQ==")]
    [InlineData("Bearer", "")]
    public async Task An_invalid_credential_answers_401(string scheme, string value)
    {
        using var gateway = platform.CreateClient("gateway");
        using var request = Request("GET", "/api/v1/escalations");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {value}");

        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_answers_401()
    {
        var forged = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "escalation-platform-dev",
            Audience = "escalation-platform",
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["tenant"] = Tenants.Access, ["role"] = "admin" },
            SigningCredentials = new(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]), "HS256"),
        });
        using var gateway = platform.CreateClient("gateway");
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await gateway.GetAsync("/api/v1/escalations", TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("agent", "PUT", "/api/v1/triage/matrix")]
    [InlineData("agent", "PUT", "/api/v1/sla/policy")]
    [InlineData("agent", "PUT", "/api/v1/routing/escalation-policy")]
    [InlineData("agent", "POST", "/api/v1/notifications/webhooks")]
    [InlineData("agent", "GET", "/api/v1/escalations/ops/error-queues")]
    [InlineData("agent", "GET", "/api/v1/admin/api-keys")]
    [InlineData("lead", "PUT", "/api/v1/triage/matrix")]
    [InlineData("lead", "PUT", "/api/v1/sla/policy")]
    [InlineData("manager", "POST", "/api/v1/admin/api-keys")]
    [InlineData("manager", "POST", "/api/v1/escalations/ops/error-queues/any/replay")]
    public async Task A_role_without_the_right_answers_403(string role, string method, string path)
    {
        using var gateway = await Credentials.AsRoleAsync(platform, Tenants.Access, role);

        using var response = await gateway.SendAsync(Request(method, path), TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(path.Contains("/ops/", StringComparison.Ordinal) ? "needs the platform operator's credential" : "needs the role",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agent", "POST", "/api/v1/escalations")]
    [InlineData("lead", "PUT", "/api/v1/routing/escalation-policy")]
    [InlineData("manager", "PUT", "/api/v1/sla/policy")]
    [InlineData("manager", "POST", "/api/v1/notifications/webhooks")]
    [InlineData("admin", "POST", "/api/v1/admin/api-keys")]
    public async Task The_right_role_passes_on_to_the_service(string role, string method, string path)
    {
        using var gateway = await Credentials.AsRoleAsync(platform, Tenants.Access, role);
        using var request = Request(method, path);
        request.Content = new StringContent("""{"bogus":true}""", Encoding.UTF8, "application/json");

        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest); // authorized, and refused by the service for its body
    }

    [Fact]
    public async Task An_api_key_reaches_only_its_scopes()
    {
        var reader = await Credentials.ApiKeyAsync(platform, Tenants.Access, ["escalations:read"]);
        using var gateway = Credentials.WithKey(platform, reader.Key);
        var cancellationToken = TestContext.Current.CancellationToken;

        using var read = await gateway.GetAsync("/api/v1/escalations", cancellationToken);
        using var write = await gateway.PostAsJsonAsync("/api/v1/escalations", Cases.TeamProblem(), cancellationToken);
        using var configure = await gateway.PutAsJsonAsync("/api/v1/sla/policy", new { }, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var problem = await AssertProblemAsync(write, HttpStatusCode.Forbidden);
        Assert.Contains("escalations:write", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(configure, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_api_key_is_accepted_as_bearer_basic_and_x_api_key_and_stops_working_once_revoked()
    {
        var key = await Credentials.ApiKeyAsync(platform, Tenants.Access, ["escalations:read"]);
        var cancellationToken = TestContext.Current.CancellationToken;
        using var gateway = platform.CreateClient("gateway");
        async Task<HttpStatusCode> GetWith(string header, string value)
        {
            using var request = Request("GET", "/api/v1/escalations/customers");
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await gateway.SendAsync(request, cancellationToken);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await GetWith("X-Api-Key", key.Key));
        Assert.Equal(HttpStatusCode.OK, await GetWith("Authorization", $"Bearer {key.Key}"));
        Assert.Equal(HttpStatusCode.OK, await GetWith("Authorization", $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"alertmanager:{key.Key}"))}"));

        using var admin = await platform.GatewayAsAsync(Tenants.Access);
        using var revoke = await admin.DeleteAsync($"/api/v1/admin/api-keys/{key.Id}", cancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await Eventually.ReachesAsync(() => GetWith("X-Api-Key", key.Key), status => status == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(20),
            "the revoked key refused");
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/api-keys", cancellationToken)).EnumerateArray()
            .Single(item => item.GetProperty("id").GetGuid() == key.Id);
        Assert.False(listed.TryGetProperty("key", out _), "a listed credential never shows its secret");
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task A_service_called_directly_trusts_no_identity_headers_it_did_not_get_from_the_gateway()
    {
        using var intake = platform.CreateClient("intake-api");
        using var request = Request("GET", "/api/v1/escalations");
        request.Headers.Add("x-tenant-id", Tenants.Access);
        request.Headers.Add("x-actor-id", "mallory");

        using var response = await intake.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
