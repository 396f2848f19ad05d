using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;

namespace EscalationPlatform.Data;

/// <summary>Seeds demo data for the tenants named in "Demo:Tenants" (comma-separated; in Development "demo" when
/// unset, elsewhere none unless asked), so that
/// ./run.sh shows a working platform. It runs beside start-up and retries until the database answers, so an
/// unreachable database delays the demo data, not the service; until the data is there the "demo-data" health
/// check says so, so nothing that waits for the service to be healthy meets it half-seeded. A tenant that has
/// data already is left alone; replicas seed one after another under an advisory lock, so the second finds the data
/// there (and a replica without the lock that inserts the same rows first is no error either).</summary>
public abstract partial class DemoDataSeeder<TContext>(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    : BackgroundService, IHealthCheck where TContext : DbContext
{
    /// <summary>The tenants to seed: as configured, or "demo" in Development (never by default elsewhere).</summary>
    public static IReadOnlyList<string> Tenants(IConfiguration configuration, IHostEnvironment environment) =>
        (configuration["Demo:Tenants"] ?? (environment.IsDevelopment() ? "demo" : ""))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private volatile bool _seeded;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_seeded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The demo data is not seeded yet."));

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    /// <summary>Until the database answers: a seeding transaction that failed for any reason but the stop is tried again.</summary>
    private ResiliencePipeline UntilSeeded(string tenant) => new ResiliencePipelineBuilder()
        .AddRetry(new()
        {
            ShouldHandle = arguments => ValueTask.FromResult(!arguments.Context.CancellationToken.IsCancellationRequested
                && arguments.Outcome.Exception is NpgsqlException or DbUpdateException or InvalidOperationException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Constant,
            Delay = RetryEvery,
            OnRetry = arguments =>
            {
                LogRetrying(typeof(TContext).Name, tenant, arguments.Outcome.Exception!.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>True when the tenant already has the data.</summary>
    protected abstract Task<bool> HasDataAsync(TContext db, string tenantId, CancellationToken cancellationToken);

    /// <summary>Adds the tenant's data to the context (saved by the caller).</summary>
    protected abstract void Add(TContext db, string tenantId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var tenant in Tenants(configuration, environment))
        {
            await UntilSeeded(tenant).ExecuteAsync(cancellationToken => SeedAsync(tenant, cancellationToken), stoppingToken);
        }

        _seeded = true;
    }

    private async ValueTask SeedAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AdvisoryLock.LockForTransactionAsync(db, AdvisoryLock.DemoData, cancellationToken); // replicas seed one after another
            if (!await HasDataAsync(db, tenant, cancellationToken))
            {
                Add(db, tenant);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // another replica seeded this tenant at the same moment
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data of {Context} for tenant {Tenant} not seeded yet: {Reason}")]
    private partial void LogRetrying(string context, string tenant, string reason);
}

public static class DemoDataExtensions
{
    /// <summary>Seeds demo data in the background, with a "demo-data" readiness check until it is done.</summary>
    public static IHostApplicationBuilder AddDemoData<TSeeder>(this IHostApplicationBuilder builder) where TSeeder : class, IHostedService, IHealthCheck
    {
        builder.Services.AddSingleton<TSeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TSeeder>());
        builder.Services.AddHealthChecks().AddCheck<TSeeder>("demo-data");
        return builder;
    }
}
