using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Limits;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Gateway.Middleware;

/// <summary>The limit before authentication: each client address has a budget of requests that bring no valid
/// credential (a 401, a PagerDuty event with an unknown routing key, a development token). While the budget lasts
/// nothing changes; once it is spent, the address gets 429 with Retry-After before its credential is even looked
/// up, so guessing keys or flooding anonymous endpoints costs the platform no database round trips. Counted per
/// gateway replica, in memory (idle addresses are forgotten).</summary>
public sealed class UnauthenticatedLimiter : IDisposable
{
    /// <summary>Set on a request whose credential was refused before authorization (the PagerDuty routing key).</summary>
    public const string RefusedItem = "credential-refused";

    private readonly PartitionedRateLimiter<IPAddress> _budget;
    private readonly int _perMinute;

    public UnauthenticatedLimiter(IOptions<RateLimitOptions> options)
    {
        _perMinute = options.Value.UnauthenticatedPerMinute;
        _budget = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = _perMinute,
                TokensPerPeriod = Math.Max(1, _perMinute / 12),
                ReplenishmentPeriod = TimeSpan.FromSeconds(5),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>The customers' rating links (a signed token in the path, no credential): counted like requests without one.</summary>
    public const string RatingLinkPath = "/csat";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next, IProblemDetailsService problems)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (_budget.GetStatistics(address)?.CurrentAvailablePermits is 0)
        {
            await RateLimitMiddleware.WriteTooManyAsync(context, problems, "Too many requests without a valid credential.", 5,
                $"This address sent more than {_perMinute.ToString(CultureInfo.InvariantCulture)} requests a minute without a valid credential; try again in 5 s.");
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized || context.Items.ContainsKey(RefusedItem)
            || context.Request.Path.StartsWithSegments(DevTokenIssuer.Path) || context.Request.Path.StartsWithSegments(RatingLinkPath))
        {
            using var _ = _budget.AttemptAcquire(address);
        }
    }

    public void Dispose() => _budget.Dispose();
}

public static class UnauthenticatedLimiterExtensions
{
    public static IApplicationBuilder UseUnauthenticatedLimit(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<UnauthenticatedLimiter>();
        return app.Use((context, next) => limiter.InvokeAsync(context, next,
            context.RequestServices.GetRequiredService<IProblemDetailsService>()));
    }
}
