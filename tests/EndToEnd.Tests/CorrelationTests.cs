namespace EndToEnd.Tests;

public sealed class CorrelationTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_gateway_returns_a_w3c_traceparent()
    {
        using var gateway = await platform.GatewayAsAsync("demo");

        using var response = await gateway.GetAsync("/api/v1/sla/info", TestContext.Current.CancellationToken);

        var traceparent = Assert.Single(response.Headers.GetValues("traceparent"));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", traceparent);
    }

    [Fact]
    public async Task The_gateway_continues_the_callers_trace()
    {
        using var gateway = await platform.GatewayAsAsync("demo");
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/routing/info");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);

        var traceparent = Assert.Single(response.Headers.GetValues("traceparent"));
        Assert.StartsWith($"00-{traceId}-", traceparent);
        Assert.DoesNotContain("00f067aa0ba902b7", traceparent);
    }
}
