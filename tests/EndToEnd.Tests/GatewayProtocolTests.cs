using System.Net;

namespace EndToEnd.Tests;

public sealed class GatewayProtocolTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_grpc_endpoint_speaks_http2_without_tls_so_grpc_can_pass()
    {
        using var gateway = platform.CreateClient("gateway", "grpc");
        gateway.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await platform.TokenAsync("demo"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/triage/info")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    [Fact]
    public async Task An_unknown_path_under_a_service_prefix_is_answered_with_problem_details()
    {
        using var gateway = await platform.GatewayAsAsync("demo");

        using var response = await gateway.GetAsync("/api/v1/escalations/no-such-thing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
