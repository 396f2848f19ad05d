using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace EscalationPlatform.Web;

/// <summary>The raw body of a request, read once into a rewindable buffer (so model binding, gRPC and the proxy can
/// still read it) and hashed: signatures and Idempotency-Key records are bound to exactly these bytes.</summary>
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
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        request.HttpContext.Items[HashItem] = hash;
        return hash;
    }
}
