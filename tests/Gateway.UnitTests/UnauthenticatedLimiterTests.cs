using System.Net;
using EscalationPlatform.Gateway.Limits;
using EscalationPlatform.Gateway.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.UnitTests;

public sealed class UnauthenticatedLimiterTests
{
    private static readonly IPAddress Guesser = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Neighbour = IPAddress.Parse("203.0.113.8");

    [Fact]
    public async Task An_address_whose_refused_requests_used_up_its_budget_gets_429_before_anything_runs()
    {
        using var limiter = new UnauthenticatedLimiter(Options.Create(new RateLimitOptions { UnauthenticatedPerMinute = 3 }));
        var ran = 0;

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(401, await SendAsync(limiter, Guesser, _ => { ran++; return 401; }));
        }

        Assert.Equal(429, await SendAsync(limiter, Guesser, _ => { ran++; return 401; }));
        Assert.Equal(3, ran);
        Assert.Equal(401, await SendAsync(limiter, Neighbour, _ => 401));
    }

    [Fact]
    public async Task Requests_with_a_valid_credential_do_not_count()
    {
        using var limiter = new UnauthenticatedLimiter(Options.Create(new RateLimitOptions { UnauthenticatedPerMinute = 2 }));

        for (var attempt = 0; attempt < 20; attempt++)
        {
            Assert.Equal(200, await SendAsync(limiter, Guesser, _ => 200));
        }
    }

    [Fact]
    public async Task An_unknown_routing_key_counts_like_a_401()
    {
        using var limiter = new UnauthenticatedLimiter(Options.Create(new RateLimitOptions { UnauthenticatedPerMinute = 1 }));

        Assert.Equal(400, await SendAsync(limiter, Guesser, context => { context.Items[UnauthenticatedLimiter.RefusedItem] = true; return 400; }));
        Assert.Equal(429, await SendAsync(limiter, Guesser, _ => 400));
    }

    private static async Task<int> SendAsync(UnauthenticatedLimiter limiter, IPAddress from, Func<HttpContext, int> answer)
    {
        var services = new ServiceCollection().AddProblemDetails().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Connection.RemoteIpAddress = from;
        context.Request.Path = "/api/v1/escalations";
        context.Response.Body = new MemoryStream();
        await limiter.InvokeAsync(context, ctx =>
        {
            ctx.Response.StatusCode = answer(ctx);
            return Task.CompletedTask;
        }, services.GetRequiredService<IProblemDetailsService>());
        return context.Response.StatusCode;
    }
}
