using System.Text.Json;
using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.Web.Tenancy;

namespace EscalationPlatform.Gateway.Tenants;

/// <summary>Requests the gateway itself makes to a service on a tenant's behalf, signed like the requests it proxies
/// (<see cref="GatewayTrust"/>): the service checks them the same way.</summary>
public sealed class ServiceCalls(HttpClient http, GatewayTrust trust, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task<HttpResponseMessage> SendAsync(
        string cluster, HttpMethod method, string path, object? body, PlatformIdentity identity, CancellationToken cancellationToken, string? ifMatch = null)
    {
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, Web);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(GatewayRoutes.HostOf(cluster)), path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } };
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var signed = new SignedRequest(method.Method, GatewayRoutes.ServiceOf(cluster), path, SignedRequest.HashOf(bytes));
        foreach (var (name, value) in trust.Stamp(identity, signed, clock.GetUtcNow()))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    public static Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content.ReadFromJsonAsync<T>(Web, cancellationToken);
}
