using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EscalationPlatform.Data;

/// <summary>Applies pending migrations at start-up, before the service takes requests. Several replicas may
/// start at once: EF Core takes a database lock while it migrates.</summary>
public sealed partial class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<TContext>();
                await context.Database.MigrateAsync(cancellationToken);
                LogMigrated(typeof(TContext).Name);
                return;
            }
            catch (NpgsqlException error) when (error.IsTransient && DateTime.UtcNow < deadline)
            {
                LogRetrying(typeof(TContext).Name, attempt, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} is migrated")]
    private partial void LogMigrated(string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database of {Context} is not reachable (attempt {Attempt}): {Reason}")]
    private partial void LogRetrying(string context, int attempt, string reason);
}
