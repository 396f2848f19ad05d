using System.Globalization;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using Microsoft.AspNetCore.Http.Features;

namespace EscalationPlatform.Gateway.Middleware;

/// <summary>The 1 MB limit on a REST request's body (<see cref="Limits.RequestLimits"/>).</summary>
public static class DeclaredBodyLimit
{
    /// <summary>Refuses a body declared larger than the limit before anything reads it, and cuts a chunked one off at
    /// the same size.</summary>
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

    /// <summary>413 with problem details saying the limit.</summary>
    public static ValueTask WriteTooLargeAsync(HttpContext context)
    {
        var detail = $"A request body may be at most {WebConventions.MaxRequestBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes.";
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(context,
            FieldProblems.Create(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", detail, "body"));
    }
}
