using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Partner credentials, created through the admin API as a tenant's admin would.</summary>
public static class Credentials
{
    public sealed record Created(Guid Id, string Key);

    public static async Task<Created> CreateAsync(PlatformFixture platform, string tenant, object request)
    {
        using var admin = await platform.GatewayAsAsync(tenant);
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return new(body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    public static Task<Created> ApiKeyAsync(PlatformFixture platform, string tenant, string[] scopes, string? customerId = null, int? rateLimitPerMinute = null) =>
        CreateAsync(platform, tenant, new { name = $"e2e {string.Join(' ', scopes)}", scopes, customerId, rateLimitPerMinute });

    public static HttpClient WithKey(PlatformFixture platform, string key, string endpoint = "http")
    {
        var client = platform.CreateClient("gateway", endpoint);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task<HttpClient> AsRoleAsync(PlatformFixture platform, string tenant, string role)
    {
        var client = platform.CreateClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync(tenant, $"e2e-{role}", role));
        return client;
    }
}
