using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

public sealed class OperationsTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/api/v1/escalations")]
    [InlineData("/api/v1/triage")]
    [InlineData("/api/v1/routing")]
    [InlineData("/api/v1/sla")]
    [InlineData("/api/v1/notifications")]
    public async Task Every_service_lists_its_error_queues_through_the_gateway(string prefix)
    {
        using var gateway = platform.Host.OperatorClient();

        using var response = await gateway.GetAsync($"{prefix}/ops/error-queues", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var queues = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(JsonValueKind.Array, queues.ValueKind);
    }

    [Fact]
    public async Task A_queue_that_is_not_the_services_own_is_refused_with_problem_details()
    {
        using var gateway = platform.Host.OperatorClient();

        using var response = await gateway.GetAsync("/api/v1/escalations/ops/error-queues/not-ours/messages", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("endpoint", out _));
    }

    [Fact]
    public async Task A_limit_out_of_range_is_refused_naming_the_field()
    {
        using var gateway = platform.Host.OperatorClient();

        using var response = await gateway.GetAsync("/api/v1/escalations/ops/error-queues/any/messages?limit=100000", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }
}
