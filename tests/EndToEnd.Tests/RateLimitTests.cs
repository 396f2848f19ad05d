using System.Net;

namespace EndToEnd.Tests;

/// <summary>Rate limits per credential, counted in Redis so every gateway replica shares them.</summary>
public sealed class RateLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_burst_past_the_limit_gets_429_with_a_Retry_After_that_is_honoured()
    {
        var key = await Credentials.ApiKeyAsync(platform, Tenants.RateLimits, ["escalations:read"], rateLimitPerMinute: 30);
        using var gateway = Credentials.WithKey(platform, key.Key);
        var cancellationToken = TestContext.Current.CancellationToken;

        var answers = await Task.WhenAll(Enumerable.Range(0, 45).Select(async _ =>
        {
            using var response = await gateway.GetAsync("/api/v1/escalations/customers", cancellationToken);
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta,
                response.Content.Headers.ContentType?.MediaType);
        }));

        Assert.Equal(30, answers.Count(answer => answer.StatusCode == HttpStatusCode.OK));
        var limited = answers.Where(answer => answer.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(15, limited.Count);
        Assert.All(limited, answer => Assert.Equal("application/problem+json", answer.MediaType));
        Assert.All(limited, answer => Assert.InRange(answer.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));

        var wait = limited.Min(answer => answer.RetryAfter!.Value);
        await Task.Delay(wait, cancellationToken);
        using var after = await gateway.GetAsync("/api/v1/escalations/customers", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Each_credential_has_its_own_budget()
    {
        var spent = await Credentials.ApiKeyAsync(platform, Tenants.RateLimits, ["escalations:read"], rateLimitPerMinute: 1);
        var fresh = await Credentials.ApiKeyAsync(platform, Tenants.RateLimits, ["escalations:read"], rateLimitPerMinute: 1);
        using var first = Credentials.WithKey(platform, spent.Key);
        using var second = Credentials.WithKey(platform, fresh.Key);
        var cancellationToken = TestContext.Current.CancellationToken;

        using var allowed = await first.GetAsync("/api/v1/escalations/customers", cancellationToken);
        using var limited = await first.GetAsync("/api/v1/escalations/customers", cancellationToken);
        using var other = await second.GetAsync("/api/v1/escalations/customers", cancellationToken);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
