using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace EscalationPlatform.Gateway.Limits;

public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>A token bucket per credential in Redis, so every gateway replica draws on the same bucket: it holds
/// a minute's worth of requests and refills continuously. One script call per request, timed by Redis' own clock.
/// When Redis does not answer in time the rate limit must not turn a cache outage into a platform outage, nor fall
/// open: each replica then counts on its own, with the same limit per credential (so with N replicas a credential may
/// get up to N times its limit while Redis is away).</summary>
public sealed partial class RedisRateLimiter(IConnectionMultiplexer redis, ILogger<RedisRateLimiter> logger) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Key, int PerMinute)> _local = PartitionedRateLimiter.Create<(string Key, int PerMinute), (string, int)>(
        partition => RateLimitPartition.GetTokenBucketLimiter(partition, key => new TokenBucketRateLimiterOptions
        {
            TokenLimit = key.PerMinute,
            TokensPerPeriod = Math.Max(1, key.PerMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, 60.0 / key.PerMinute * Math.Max(1, key.PerMinute / 60))),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private static readonly LuaScript TakeToken = LuaScript.Prepare(
        """
        local now = redis.call('TIME')
        local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        local capacity = tonumber(@capacity)
        local perMs = capacity / 60000
        local state = redis.call('HMGET', @key, 'tokens', 'at')
        local tokens = tonumber(state[1]) or capacity
        local at = tonumber(state[2]) or nowMs
        tokens = math.min(capacity, tokens + (nowMs - at) * perMs)
        local allowed = 0
        local waitMs = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        else
          waitMs = math.ceil((1 - tokens) / perMs)
        end
        redis.call('HSET', @key, 'tokens', tostring(tokens), 'at', tostring(nowMs))
        redis.call('PEXPIRE', @key, 61000)
        return { allowed, waitMs }
        """);

    public async Task<RateDecision> TakeAsync(string key, int perMinute, TimeSpan timeout)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase()
                .ScriptEvaluateAsync(TakeToken, new { key = (RedisKey)$"ratelimit:{key}", capacity = perMinute })
                .WaitAsync(timeout))!;
            return new RateDecision((int)result[0] == 1, TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            LogLocal(key, error.Message);
            using var lease = _local.AttemptAcquire((key, perMinute));
            return lease.IsAcquired
                ? new RateDecision(true, TimeSpan.Zero)
                : new RateDecision(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose() => _local.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit of {Key} counted by this replica alone (Redis unavailable: {Reason})")]
    private partial void LogLocal(string key, string reason);
}
