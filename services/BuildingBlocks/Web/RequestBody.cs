using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Http;

namespace EscalationPlatform.Web;

/// <summary>The raw body of a request, read once into a rewindable buffer (so model binding, gRPC and the proxy can
/// still read it) and hashed as a signature hashes it (<see cref="SignedRequest.HashOfAsync"/>): signatures and
/// Idempotency-Key records are bound to exactly these bytes.</summary>
public static class RequestBody
{
    private const string HashItem = "request-body-sha256";

    public static async Task<string> Sha256Async(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Items[HashItem] is string known)
        {
            return known;
        }

        request.EnableBuffering();
        var hash = await SignedRequest.HashOfAsync(request.Body, cancellationToken);
        request.Body.Position = 0;
        request.HttpContext.Items[HashItem] = hash;
        return hash;
    }
}
