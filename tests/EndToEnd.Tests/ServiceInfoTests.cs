using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

public sealed class ServiceInfoTests(PlatformFixture platform)
{
    private sealed record DependencyStatus(string Status, double DurationMs, string? Description);

    private sealed record ServiceInfo(string Service, string Version, string Status, string? Environment, Dictionary<string, DependencyStatus>? Dependencies);

    [Theory]
    [InlineData("/api/v1/escalations/info", "intake")]
    [InlineData("/api/v1/triage/info", "triage")]
    [InlineData("/api/v1/routing/info", "routing")]
    [InlineData("/api/v1/sla/info", "sla")]
    [InlineData("/api/v1/notifications/info", "notification")]
    public async Task Every_service_reports_its_version_and_each_dependency_up_through_the_gateway(string path, string service)
    {
        using var gateway = platform.Host.OperatorClient();

        using var response = await gateway.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = await response.Content.ReadFromJsonAsync<ServiceInfo>(TestContext.Current.CancellationToken);
        Assert.NotNull(info);
        Assert.Equal(service, info.Service);
        Assert.Matches(@"^\d+\.\d+\.\d+", info.Version);
        Assert.NotNull(info.Dependencies);
        Assert.Equal(["postgres", "rabbitmq", "redis"], info.Dependencies.Keys.Order());
        Assert.All(info.Dependencies, dependency => Assert.Equal("Healthy", dependency.Value.Status));
        Assert.Equal("Healthy", info.Status);
    }

    [Theory]
    [InlineData("/api/v1/escalations/info")]
    [InlineData("/api/v1/notifications/info")]
    public async Task A_tenants_user_sees_the_version_and_health_but_no_environment_or_dependency_details(string path)
    {
        using var gateway = await platform.GatewayAsAsync("demo");

        using var response = await gateway.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = await response.Content.ReadFromJsonAsync<ServiceInfo>(TestContext.Current.CancellationToken);
        Assert.NotNull(info);
        Assert.Equal("Healthy", info.Status);
        Assert.Null(info.Environment);
        Assert.Null(info.Dependencies);
    }

    [Fact]
    public async Task A_service_whose_database_is_unreachable_is_alive_but_not_ready_and_says_which_dependency_is_down()
    {
        using var intake = platform.Host.SignedClient(PlatformFixture.IntakeWithoutDatabase, "demo",
            identity: EscalationPlatform.Web.Tenancy.PlatformIdentity.Operator("operator:e2e", "e2e operator"));
        var cancellationToken = TestContext.Current.CancellationToken;

        using var alive = await intake.GetAsync("/alive", cancellationToken);
        using var ready = await intake.GetAsync("/health", cancellationToken);
        var info = await intake.GetFromJsonAsync<ServiceInfo>("/api/v1/escalations/info", cancellationToken);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.NotNull(info);
        Assert.NotNull(info.Dependencies);
        Assert.Equal("Unhealthy", info.Dependencies["postgres"].Status);
        Assert.Equal("Healthy", info.Dependencies["rabbitmq"].Status);
        Assert.Equal("Healthy", info.Dependencies["redis"].Status);
    }

    [Fact]
    public async Task A_request_that_needs_an_unreachable_database_gets_503_problem_details_with_retry_after_never_500()
    {
        using var intake = platform.SignedClient(PlatformFixture.IntakeWithoutDatabase, "demo");

        using var response = await intake.GetAsync("/api/v1/escalations?limit=5", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("unavailable", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_healthy_service_is_ready()
    {
        using var intake = platform.CreateClient("intake-api");

        using var ready = await intake.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
