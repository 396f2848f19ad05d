using EscalationPlatform.Gateway.Limits;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.UnitTests;

/// <summary>The per-credential limiter: Redis' bucket decides while Redis answers; while it does not (an error, or
/// no answer within the timeout) each replica counts on its own with the same limit, neither failing open nor
/// refusing everything. The bucket's arithmetic itself runs inside Redis (EndToEnd's RateLimitTests).</summary>
public sealed class RedisRateLimiterTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly (StackExchange.Redis.IConnectionMultiplexer Connection, RedisStandIn Redis) _redis = RedisStandIn.Create();
    private readonly RedisRateLimiter _limiter;

    public RedisRateLimiterTests() => _limiter = new RedisRateLimiter(_redis.Connection, NullLogger<RedisRateLimiter>.Instance);

    public void Dispose() => _limiter.Dispose();

    [Fact]
    public async Task While_Redis_answers_its_bucket_decides_for_the_credential_at_its_limit()
    {
        _redis.Redis.Answer = (key, _) => Task.FromResult(key.EndsWith("credential:a", StringComparison.Ordinal)
            ? RedisStandIn.Decision(allowed: true, waitMs: 0)
            : RedisStandIn.Decision(allowed: false, waitMs: 1_500));

        var allowed = await _limiter.TakeAsync("credential:a", 30, Timeout);
        var refused = await _limiter.TakeAsync("credential:b", 30, Timeout);

        Assert.Equal(new RateDecision(true, TimeSpan.Zero), allowed);
        Assert.Equal(new RateDecision(false, TimeSpan.FromMilliseconds(1_500)), refused);
        Assert.Equal([("ratelimit:credential:a", 30), ("ratelimit:credential:b", 30)], _redis.Redis.Calls);
    }

    [Fact]
    public async Task While_Redis_answers_the_replica_does_not_count_on_its_own()
    {
        for (var request = 0; request < 10; request++)
        {
            Assert.True((await _limiter.TakeAsync("credential:a", 3, Timeout)).Allowed);
        }

        _redis.Redis.Answer = (_, _) => RedisStandIn.Unreachable();
        Assert.True((await _limiter.TakeAsync("credential:a", 3, Timeout)).Allowed); // the replica's own bucket was never drawn on
    }

    [Fact]
    public async Task When_Redis_is_unreachable_each_replica_allows_the_credentials_limit_and_then_says_when_to_retry()
    {
        _redis.Redis.Answer = (_, _) => RedisStandIn.Unreachable();
        using var otherReplica = new RedisRateLimiter(_redis.Connection, NullLogger<RedisRateLimiter>.Instance);

        var here = await TakeManyAsync(_limiter, "credential:a", perMinute: 5, requests: 6);
        var there = await TakeManyAsync(otherReplica, "credential:a", perMinute: 5, requests: 6);
        var otherCredential = await _limiter.TakeAsync("credential:b", 5, Timeout);

        Assert.Equal([true, true, true, true, true, false], here.Select(decision => decision.Allowed));
        Assert.Equal([true, true, true, true, true, false], there.Select(decision => decision.Allowed));
        Assert.InRange(here[^1].RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60.0 / 5)); // one token's refill at most
        Assert.True(otherCredential.Allowed);
    }

    [Fact]
    public async Task When_Redis_does_not_answer_in_time_the_replica_decides()
    {
        _redis.Redis.Answer = (_, _) => RedisStandIn.NoAnswer();

        var decisions = await TakeManyAsync(_limiter, "credential:a", perMinute: 2, requests: 3, timeout: TimeSpan.FromMilliseconds(20));

        Assert.Equal([true, true, false], decisions.Select(decision => decision.Allowed));
        Assert.Equal(3, _redis.Redis.Calls.Count); // Redis was asked each time
    }

    [Fact]
    public async Task When_Redis_is_back_its_bucket_decides_again()
    {
        _redis.Redis.Answer = (_, _) => RedisStandIn.Unreachable();
        Assert.Equal([true, false], (await TakeManyAsync(_limiter, "credential:a", perMinute: 1, requests: 2)).Select(decision => decision.Allowed));

        _redis.Redis.Answer = (_, _) => Task.FromResult(RedisStandIn.Decision(allowed: true, waitMs: 0));

        Assert.True((await _limiter.TakeAsync("credential:a", 1, Timeout)).Allowed);
    }

    private static async Task<List<RateDecision>> TakeManyAsync(RedisRateLimiter limiter, string key, int perMinute, int requests, TimeSpan? timeout = null)
    {
        var decisions = new List<RateDecision>();
        for (var request = 0; request < requests; request++)
        {
            decisions.Add(await limiter.TakeAsync(key, perMinute, timeout ?? Timeout));
        }

        return decisions;
    }
}
