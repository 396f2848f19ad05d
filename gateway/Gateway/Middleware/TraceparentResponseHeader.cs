using System.Diagnostics;

namespace EscalationPlatform.Gateway.Middleware;

public static class TraceparentResponseHeader
{
    public const string HeaderName = "traceparent";

    /// <summary>Returns the W3C <c>traceparent</c> of the gateway's span for this request, so a caller can quote
    /// it to find the whole trace, across every service it touched. A traceparent sent in is continued.</summary>
    public static IApplicationBuilder UseTraceparentResponseHeader(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            context.Response.Headers[HeaderName] = id;
        }

        return next(context);
    });
}
