using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Messaging.Inbox;

/// <summary>Forgets consumed message ids once they are older than the retention window, in small batches so
/// the deletes never hold many locks at once.</summary>
public sealed partial class InboxCleanupService<TDbContext>(
    IServiceScopeFactory scopes, IOptions<MessagingOptions> options, TimeProvider clock, ILogger<InboxCleanupService<TDbContext>> logger)
    : BackgroundService where TDbContext : DbContext
{
    private const int BatchSize = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.InboxCleanupInterval, clock);
        try
        {
            do
            {
                await CleanUpAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CleanUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
            var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.InboxRetention;
            while (await InboxStore.DeleteOlderThanAsync(dbContext, cutoff, BatchSize, stoppingToken) == BatchSize)
            {
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogCleanupFailed(error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox cleanup failed, trying again later: {Reason}")]
    private partial void LogCleanupFailed(string reason);
}
