using System.Net.Http.Headers;

namespace EndToEnd.Tests;

/// <summary>Partner credentials, created through the admin API as a tenant's admin would.</summary>
public static class Credentials
{
    public sealed record Created(Guid Id, string Key);

    public static async Task<Created> CreateAsync(PlatformFixture platform, string tenant, object request)
    {
        var (id, key) = await platform.Host.ApiKeyAsync(tenant, request);
        return new(id, key);
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
