using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EscalationPlatform.Web.Idempotency;

/// <summary>Forgets idempotency keys older than "Idempotency:Retention" (48 hours; SPEC §9 asks for at least 24).</summary>
public sealed partial class IdempotencyCleanupService<TDbContext>(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<IdempotencyCleanupService<TDbContext>> logger)
    : BackgroundService where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = configuration.GetValue("Idempotency:Retention", TimeSpan.FromHours(48));
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var cutoff = clock.GetUtcNow().UtcDateTime - retention;
                    await scope.ServiceProvider.GetRequiredService<TDbContext>().Set<IdempotencyRecord>()
                        .Where(record => record.CreatedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogCleanupFailed(error.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key cleanup failed, trying again later: {Reason}")]
    private partial void LogCleanupFailed(string reason);
}
