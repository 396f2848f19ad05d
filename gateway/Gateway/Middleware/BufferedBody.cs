using EscalationPlatform.Web;
using Microsoft.AspNetCore.Http.Features;

namespace EscalationPlatform.Gateway.Middleware;

public static class BufferedBody
{
    /// <summary>Reads a request's body into a rewindable buffer and hashes it before anything acts on it: the
    /// signature for the service and the Idempotency-Key record are bound to these bytes, and what comes after (the
    /// PagerDuty routing key, the proxy) reads it from the buffer. A body is buffered whatever announces it: a length,
    /// chunks, or (HTTP/2) neither. A gRPC call's messages are hashed when it is forwarded, after authentication.</summary>
    public static IApplicationBuilder UseBufferedBody(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var announced = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (announced || (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true && !GrpcBodyLimit.IsGrpc(request)))
        {
            await RequestBody.Sha256Async(request, context.RequestAborted);
        }

        await next(context);
    });
}
