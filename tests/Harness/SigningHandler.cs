using EscalationPlatform.Web.Tenancy;

namespace EscalationPlatform.Harness;

/// <summary>Signs each request the way the gateway does, for one service and one identity: a call straight to a
/// service (a benchmark's baseline, a test of the service's own checks) then costs and looks like one through the
/// gateway. Each request gets its own signature (they are bound to method, path, body and time, and good once).</summary>
public sealed class SigningHandler(GatewayTrust trust, string service, PlatformIdentity identity, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>The service a resource of the app host is (its name in signatures): "intake-api" is "intake".</summary>
    public static string ServiceOf(string resource) => resource.Split('-')[0];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var signed = new SignedRequest(request.Method.Method, service, request.RequestUri!.PathAndQuery, SignedRequest.HashOf(body));
        foreach (var (name, value) in trust.Stamp(identity, signed, DateTimeOffset.UtcNow))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
