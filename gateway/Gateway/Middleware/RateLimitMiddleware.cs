using System.Globalization;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Limits;
using EscalationPlatform.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Gateway.Middleware;

/// <summary>Counts each authenticated request against its credential's rate limit: over it, 429 with
/// Retry-After (whole seconds, rounded up) and problem details.</summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RedisRateLimiter limiter, IOptions<RateLimitOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.FindFirst(PlatformClaims.RateKey)?.Value is not { } key)
        {
            await next(context);
            return;
        }

        var limit = int.TryParse(user.FindFirst(PlatformClaims.RateLimit)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var own) ? own
            : user.HasClaim(PlatformClaims.Scope, Scopes.PagerDuty) || user.HasClaim(PlatformClaims.Scope, Scopes.Alertmanager) ? options.Value.IntegrationRequestsPerMinute
            : options.Value.RequestsPerMinute;
        var decision = await limiter.TakeAsync(key, limit, options.Value.RedisTimeout);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        await WriteTooManyAsync(context, problems, "Too many requests.", seconds,
            $"This credential may make {limit} requests a minute; try again in {seconds} s.");
    }

    /// <summary>429 with Retry-After (whole seconds) and problem details saying the limit.</summary>
    public static ValueTask WriteTooManyAsync(HttpContext context, IProblemDetailsService problems, string title, int seconds, string detail)
    {
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return problems.WriteProblemAsync(context, new()
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = title,
            Detail = detail,
            Extensions = { ["retryAfterSeconds"] = seconds },
        });
    }
}
