using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace EscalationPlatform.Data;

/// <summary>Applies pending migrations at start-up, before the service takes requests. Several replicas may start at
/// once on the same database, so they take turns under a PostgreSQL advisory lock (<see cref="AdvisoryLock.Migrations"/>),
/// held for the whole of <c>MigrateAsync</c>: the second replica finds nothing pending. EF Core's own lock is not
/// enough with Npgsql: it locks the history table per transaction, and each migration commits its own, so a waiting
/// replica gets in between two migrations, and the first one, which planned its list at the start, then applies a
/// migration that the other has applied already (42P07 relation ... already exists). While the server comes up
/// (a transient error) it tries again, one more second each time up to five, for at most <see cref="GiveUpAfter"/>;
/// a missing database is created first.</summary>
public sealed partial class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + GiveUpAfter;
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = arguments => ValueTask.FromResult(clock.GetUtcNow() < deadline
                    && arguments.Outcome.Exception is NpgsqlException { IsTransient: true } or PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName }),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Linear,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(5),
                DelayGenerator = arguments => ValueTask.FromResult<TimeSpan?>(MissingDatabase(arguments.Outcome.Exception) ? TimeSpan.Zero : null),
                OnRetry = async arguments =>
                {
                    if (MissingDatabase(arguments.Outcome.Exception))
                    {
                        await CreateDatabaseAsync(arguments.Context.CancellationToken); // the lock lives in the database, so it must exist first
                    }
                    else
                    {
                        LogRetrying(typeof(TContext).Name, arguments.AttemptNumber + 1, arguments.Outcome.Exception!.Message);
                    }
                },
            })
            .Build();

        await pipeline.ExecuteAsync(MigrateAsync, cancellationToken);
        LogMigrated(typeof(TContext).Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool MissingDatabase(Exception? error) => error is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName };

    private async ValueTask MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var connectionString = context.Database.GetConnectionString()
            ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no connection string.");
        await using (await AdvisoryLock.AcquireSessionLockAsync(connectionString, AdvisoryLock.Migrations,
                         () => LogWaiting(typeof(TContext).Name), cancellationToken))
        {
            await context.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>Creates the database (as MigrateAsync would), unless another replica has just done so.</summary>
    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var creator = scope.ServiceProvider.GetRequiredService<TContext>().GetService<IRelationalDatabaseCreator>();
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // created by another replica at the same moment
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} is migrated")]
    private partial void LogMigrated(string context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another replica is migrating the database of {Context}; waiting for it")]
    private partial void LogWaiting(string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database of {Context} is not reachable (attempt {Attempt}): {Reason}")]
    private partial void LogRetrying(string context, int attempt, string reason);
}
