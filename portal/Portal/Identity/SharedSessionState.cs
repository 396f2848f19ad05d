using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace EscalationPlatform.Portal.Identity;

/// <summary>Where the portal keeps what every replica must share: the sessions (<see cref="ServerSideSessions"/>) and the
/// data-protection keys that sign the session cookie and the antiforgery tokens. With the platform's Redis ("cache")
/// they live there, so a person stays signed in on any replica and across restarts; without it (a portal run on its own
/// in Development) they stay in this process.</summary>
public static class SharedSessionState
{
    public const string ConnectionName = "cache";

    public const string ApplicationName = "escalation-portal";

    /// <summary>The Redis key of the data-protection key ring.</summary>
    public const string KeyRing = "escalation-portal:data-protection-keys";

    public static IHostApplicationBuilder AddSharedSessionState(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (builder.Configuration.GetConnectionString(ConnectionName) is null)
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionName} is not set: the portal keeps its sessions and keys in Redis, so that every replica shares them.");
            }

            builder.Services.AddDistributedMemoryCache();
            return builder;
        }

        builder.AddRedisClient(ConnectionName, settings => settings.DisableHealthChecks = true);
        builder.Services.AddHealthChecks().AddRedis(services => services.GetRequiredService<IConnectionMultiplexer>(), "redis");
        builder.Services.AddStackExchangeRedisCache(_ => { });
        builder.Services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((options, services) =>
            options.ConnectionMultiplexerFactory = () => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>()));
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, services) =>
            options.XmlRepository = new RedisXmlRepository(() => services.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), KeyRing));
        return builder;
    }
}
