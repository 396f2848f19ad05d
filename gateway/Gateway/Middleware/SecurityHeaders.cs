namespace EscalationPlatform.Gateway.Middleware;

public static class SecurityHeaders
{
    /// <summary>Every answer of the gateway is data for a program or the API docs, never a page to frame, sniff or
    /// cache: browsers and proxies are told so.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/v2"))
        {
            headers.CacheControl = "no-store";
        }

        return next(context);
    });
}
