using System.Security.Cryptography;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>The one request a signature is good for: its method, the service it is addressed to, its path with the
/// query, and the SHA-256 of its body (empty body: the hash of nothing), as lowercase hex.</summary>
public sealed record SignedRequest(string Method, string Service, string PathAndQuery, string BodySha256)
{
    public static string HashOf(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The same hash of a body read from a stream to its end (a request's buffered body).</summary>
    public static async Task<string> HashOfAsync(Stream body, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(body, cancellationToken));

    public static readonly string EmptyBodySha256 = HashOf([]);
}
