using StackExchange.Redis;

namespace EscalationPlatform.Gateway.Limits;

public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>A token bucket per credential in Redis, so every gateway replica draws on the same bucket: it holds
/// a minute's worth of requests and refills continuously. One script call per request, timed by Redis' own clock.
/// When Redis does not answer in time the request is let through (and counted as such): the rate limit must not
/// turn a cache outage into a platform outage.</summary>
public sealed partial class RedisRateLimiter(IConnectionMultiplexer redis, ILogger<RedisRateLimiter> logger)
{
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
            LogUnlimited(key, error.Message);
            return new RateDecision(true, TimeSpan.Zero);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit of {Key} not checked (Redis unavailable: {Reason}); the request goes through")]
    private partial void LogUnlimited(string key, string reason);
}
