using System.Net;
using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Web.Tenancy;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly;

namespace EscalationPlatform.Gateway.Tenants;

/// <summary>Demo data is one use of the platform's own APIs: for each demo tenant (<see cref="DemoTenants"/>; in
/// Development "demo", elsewhere only those asked for) the gateway provisions the tenant like the operator would
/// (<see cref="TenantProvisioning"/>) and writes its organisation (<see cref="DemoDirectory"/>) as its admin would,
/// beside start-up, until the services answer; until then the "demo-data" readiness check says so. What a tenant
/// has already (a document that exists answers 428 without If-Match) is left as it is, so a restart or a second
/// replica changes nothing.</summary>
public sealed partial class DemoData(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoData> logger)
    : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    private volatile bool _seeded;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_seeded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The demo data is not written yet."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = new ResiliencePipelineBuilder().AddRetry(new()
        {
            ShouldHandle = arguments => ValueTask.FromResult(!arguments.Context.CancellationToken.IsCancellationRequested && arguments.Outcome.Exception is not null),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Constant,
            Delay = RetryEvery,
            OnRetry = arguments =>
            {
                LogRetrying(arguments.Outcome.Exception!.Message);
                return ValueTask.CompletedTask;
            },
        }).Build();
        await Parallel.ForEachAsync(DemoTenants.Of(configuration, environment), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken },
            async (tenant, cancellationToken) => await pipeline.ExecuteAsync(token => WriteAsync(tenant, token), cancellationToken));
        _seeded = true;
    }

    private async ValueTask WriteAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (outcome, _, refusal) = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>()
            .ProvisionAsync(tenant, $"Demo ({tenant})", "Europe/Berlin", null, "demo-data", cancellationToken);
        if (outcome == Provisioned.Refused)
        {
            throw new InvalidOperationException($"The {refusal!.Unavailable ?? "sla"} service did not create the defaults of {tenant} yet.");
        }

        var services = scope.ServiceProvider.GetRequiredService<ServiceCalls>();
        var admin = new PlatformIdentity(tenant, Actor.Service("demo-data"), Roles: [Roles.Admin]);
        foreach (var (cluster, path, document) in DemoDirectory.For(tenant))
        {
            using var answer = await services.SendAsync(cluster, HttpMethod.Put, path, document, admin, cancellationToken);
            Ensure(answer, $"PUT {path}", HttpStatusCode.PreconditionRequired); // 428: it exists, and stays as it is
        }

        using var rules = await services.SendAsync("routing", HttpMethod.Get, "/api/v1/routing/rules", null, admin, cancellationToken);
        Ensure(rules, "GET /api/v1/routing/rules");
        if (rules.Headers.ETag?.Tag == "\"0\"")
        {
            using var saved = await services.SendAsync("routing", HttpMethod.Put, "/api/v1/routing/rules", DemoDirectory.Rules, admin, cancellationToken, ifMatch: "\"0\"");
            Ensure(saved, "PUT /api/v1/routing/rules", HttpStatusCode.PreconditionFailed); // 412: another replica saved them first
        }
    }

    private static void Ensure(HttpResponseMessage answer, string request, HttpStatusCode? alsoFine = null)
    {
        if (!answer.IsSuccessStatusCode && answer.StatusCode != alsoFine)
        {
            throw new InvalidOperationException($"{request} answered {(int)answer.StatusCode}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data not written yet: {Reason}")]
    private partial void LogRetrying(string reason);
}
