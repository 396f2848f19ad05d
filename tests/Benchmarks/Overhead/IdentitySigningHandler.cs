using EscalationPlatform.Harness;

namespace Benchmarks.Overhead;

/// <summary>Sets on each request the identity headers the gateway would set, signed afresh each minute (they are
/// valid for a few), so that a direct call costs the service what a call through the gateway costs it.</summary>
public sealed class IdentitySigningHandler(PlatformHost host, string tenant, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private (DateTime At, IReadOnlyList<KeyValuePair<string, string>> Headers) _signed = (DateTime.MinValue, []);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signed = _signed;
        if (DateTime.UtcNow - signed.At > TimeSpan.FromMinutes(1))
        {
            _signed = signed = (DateTime.UtcNow, host.SignedHeaders(tenant));
        }

        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
