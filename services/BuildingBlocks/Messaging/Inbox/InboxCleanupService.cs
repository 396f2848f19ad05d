using EscalationPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Messaging.Inbox;

/// <summary>Forgets consumed message ids once they are older than the retention window, in small batches so
/// the deletes never hold many locks at once.</summary>
public sealed partial class InboxCleanupService<TDbContext>(
    IServiceScopeFactory scopes, IOptions<MessagingOptions> options, TimeProvider clock, ILogger<InboxCleanupService<TDbContext>> logger)
    : PeriodicService(options.Value.InboxCleanupInterval, clock) where TDbContext : DbContext
{
    private const int BatchSize = 5_000;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = Clock.GetUtcNow().UtcDateTime - options.Value.InboxRetention;
        while (await InboxStore.DeleteOlderThanAsync(dbContext, cutoff, BatchSize, stoppingToken) == BatchSize)
        {
        }
    }

    protected override void OnFailed(Exception error) => LogCleanupFailed(error.Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox cleanup failed, trying again later: {Reason}")]
    private partial void LogCleanupFailed(string reason);
}
