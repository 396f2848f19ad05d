using EscalationPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EscalationPlatform.Web.Idempotency;

/// <summary>Forgets idempotency keys older than "Idempotency:Retention" (48 hours; SPEC §9 asks for at least 24).</summary>
public sealed partial class IdempotencyCleanupService<TDbContext>(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<IdempotencyCleanupService<TDbContext>> logger)
    : PeriodicService(TimeSpan.FromMinutes(10), clock) where TDbContext : DbContext
{
    private readonly TimeSpan _retention = configuration.GetValue("Idempotency:Retention", TimeSpan.FromHours(48));

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cutoff = Clock.GetUtcNow().UtcDateTime - _retention;
        await scope.ServiceProvider.GetRequiredService<TDbContext>().Set<IdempotencyRecord>()
            .Where(record => record.CreatedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
    }

    protected override void OnFailed(Exception error) => LogCleanupFailed(error.Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key cleanup failed, trying again later: {Reason}")]
    private partial void LogCleanupFailed(string reason);
}
