using EscalationPlatform.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace EscalationPlatform.Data;

public static class CacheExtensions
{
    public const string ConnectionName = "cache";

    /// <summary>The shared Redis (caching, idempotency, rate limits) and a readiness check named "redis".</summary>
    public static TBuilder AddServiceCache<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var traced = builder.HasTelemetryCollector();
        builder.AddRedisClient(ConnectionName, settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableTracing = !traced;
        });
        builder.Services.AddHealthChecks().AddRedis(
            services => services.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: [Extensions.DependencyTag]);
        return builder;
    }
}
