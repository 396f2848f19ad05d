using System.Security.Claims;
using System.Text.Json;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Limits;
using EscalationPlatform.Gateway.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.UnitTests;

/// <summary>Which budget an authenticated request is counted against, and what a refused one is told.</summary>
public sealed class RateLimitMiddlewareTests : IDisposable
{
    private static readonly RateLimitOptions Limits = new() { RequestsPerMinute = 1_200, IntegrationRequestsPerMinute = 6_000 };

    private readonly (StackExchange.Redis.IConnectionMultiplexer Connection, RedisStandIn Redis) _redis = RedisStandIn.Create();
    private readonly RedisRateLimiter _limiter;
    private readonly ServiceProvider _services = new ServiceCollection().AddProblemDetails().AddLogging().BuildServiceProvider();

    public RateLimitMiddlewareTests() => _limiter = new RedisRateLimiter(_redis.Connection, NullLogger<RedisRateLimiter>.Instance);

    public void Dispose()
    {
        _limiter.Dispose();
        _services.Dispose();
    }

    public static TheoryData<string, string[], int> Budgets => new()
    {
        { "a user", [], 1_200 },
        { "an API key with a limit of its own", [PlatformClaims.RateLimit, "30"], 30 },
        { "a PagerDuty integration", [PlatformClaims.Scope, Scopes.PagerDuty], 6_000 },
        { "an Alertmanager integration", [PlatformClaims.Scope, Scopes.EscalationsRead, PlatformClaims.Scope, Scopes.Alertmanager], 6_000 },
        { "an integration with a limit of its own", [PlatformClaims.Scope, Scopes.Alertmanager, PlatformClaims.RateLimit, "90000"], 90_000 },
        { "a key with a malformed limit", [PlatformClaims.RateLimit, "-5"], 1_200 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public async Task Each_credential_is_counted_against_its_own_budget(string who, string[] claims, int perMinute)
    {
        var answer = await SendAsync(User([PlatformClaims.RateKey, "credential:k1", .. claims]));

        Assert.Equal(200, answer.Status);
        Assert.True(answer.Ran, who);
        Assert.Equal([("ratelimit:credential:k1", perMinute)], _redis.Redis.Calls);
    }

    [Fact]
    public async Task A_request_without_a_rate_key_is_not_counted()
    {
        var anonymous = await SendAsync(new ClaimsPrincipal(new ClaimsIdentity()));
        var keyless = await SendAsync(User([PlatformClaims.Scope, Scopes.EscalationsRead]));

        Assert.True(anonymous.Ran && keyless.Ran);
        Assert.Empty(_redis.Redis.Calls);
    }

    [Theory]
    [InlineData(1_500, 2)]
    [InlineData(1_000, 1)]
    [InlineData(200, 1)]
    [InlineData(0, 1)]
    [InlineData(59_001, 60)]
    public async Task Over_the_limit_the_answer_is_429_with_Retry_After_in_whole_seconds_rounded_up(long waitMs, int retryAfterSeconds)
    {
        _redis.Redis.Answer = (_, _) => Task.FromResult(RedisStandIn.Decision(allowed: false, waitMs));

        var answer = await SendAsync(User([PlatformClaims.RateKey, "credential:k1", PlatformClaims.RateLimit, "30"]));

        Assert.False(answer.Ran);
        Assert.Equal(429, answer.Status);
        Assert.Equal(retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.RetryAfter);
        Assert.Equal("application/problem+json", answer.ContentType);
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(retryAfterSeconds, problem.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal($"This credential may make 30 requests a minute; try again in {retryAfterSeconds} s.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task While_Redis_is_away_the_replicas_own_count_refuses_past_the_limit()
    {
        _redis.Redis.Answer = (_, _) => RedisStandIn.Unreachable();
        var user = User([PlatformClaims.RateKey, "credential:k1", PlatformClaims.RateLimit, "2"]);

        var answers = new[] { await SendAsync(user), await SendAsync(user), await SendAsync(user) };

        Assert.Equal([200, 200, 429], answers.Select(answer => answer.Status));
        Assert.InRange(int.Parse(answers[^1].RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 1, 30); // one token's refill at 2 a minute
    }

    private static ClaimsPrincipal User(string[] claims) =>
        new(new ClaimsIdentity(claims.Chunk(2).Select(pair => new Claim(pair[0], pair[1])), "test"));

    private async Task<Answer> SendAsync(ClaimsPrincipal user)
    {
        var ran = false;
        var middleware = new RateLimitMiddleware(context =>
        {
            ran = true;
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        }, _limiter, Options.Create(Limits), _services.GetRequiredService<IProblemDetailsService>());
        var context = new DefaultHttpContext { RequestServices = _services, User = user };
        context.Request.Path = "/api/v1/escalations";
        context.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(context);

        context.Response.Body.Position = 0;
        return new Answer(ran, context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString() is { Length: > 0 } retryAfter ? retryAfter : null,
            context.Response.ContentType, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    private sealed record Answer(bool Ran, int Status, string? RetryAfter, string? ContentType, string Body);
}
