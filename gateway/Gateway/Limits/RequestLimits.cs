using System.Globalization;
using EscalationPlatform.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EscalationPlatform.Gateway.Limits;

/// <summary>The size and time limits of the way in. Bodies: 1 MB per request (413 with problem details when the
/// declared length is over it; a chunked body is cut off at the same size; gRPC messages are limited by the services). Kestrel's own limit is higher, so that
/// a body refused unread is drained and the caller receives the 413 instead of a reset connection. Headers: 32 KB in all, request line 8 KB
/// (Kestrel refuses more with 431 or 414 before any middleware runs). Time: 10 s to send the headers, 30 s for
/// a REST answer (gRPC streams are not cut).</summary>
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

    /// <summary>Refuses a body declared larger than the limit before anything reads it.</summary>
    public static IApplicationBuilder UseDeclaredBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var grpc = GrpcBodyLimit.IsGrpc(context.Request);
        if (!grpc && context.Request.ContentLength > WebConventions.MaxRequestBodyBytes)
        {
            await WriteTooLargeAsync(context);
            return; // Kestrel drains the unread body (up to its own, higher limit), so the caller reads this answer
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // A chunked body is cut off at the same size. A gRPC call is not: each service refuses a message over
            // 1 MB itself with RESOURCE_EXHAUSTED, which a cut-off body here would turn into an unclear error.
            limit.MaxRequestBodySize = grpc ? GrpcBodyLimit.MaxBodyBytes : WebConventions.MaxRequestBodyBytes;
        }

        await next(context);
    });

    /// <summary>Reads a request's body into a rewindable buffer and hashes it before anything acts on it: the
    /// signature for the service and the Idempotency-Key record are bound to these bytes.</summary>
    public static IApplicationBuilder UseBufferedBody(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            await RequestBody.Sha256Async(context.Request, context.RequestAborted);
        }

        await next(context);
    });

    /// <summary>413 with problem details saying the limit.</summary>
    public static async Task WriteTooLargeAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var detail = $"A request body may be at most {WebConventions.MaxRequestBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes.";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = detail,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["body"] = [detail] } },
            },
        });
    }
}
