using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EscalationPlatform.Gateway.Limits;

/// <summary>The size and time limits of the way in. Bodies: 1 MB per request (<see cref="Middleware.DeclaredBodyLimit"/>:
/// 413 with problem details when the declared length is over it; a chunked body is cut off at the same size; gRPC
/// messages are limited by the services). Kestrel's own limit is higher, so that a body refused unread is drained and
/// the caller receives the 413 instead of a reset connection. Headers: 32 KB in all, request line 8 KB (Kestrel
/// refuses more with 431 or 414 before any middleware runs). Time: 10 s to send the headers, 30 s for a REST answer
/// (gRPC streams are not cut).</summary>
public static class RequestLimits
{
    /// <summary>The largest body Kestrel reads (and drains when the request was refused): above it, the connection is closed.</summary>
    public const long DrainLimitBytes = 8 * 1024 * 1024;

    public static void Apply(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestBodySize = DrainLimitBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        kestrel.Limits.MaxRequestHeaderCount = 100;
        kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
    }
}
