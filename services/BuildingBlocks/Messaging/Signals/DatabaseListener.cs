using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EscalationPlatform.Messaging.Signals;

/// <summary>Holds one connection LISTENing on <see cref="Channel"/> of the database of <typeparamref name="TDbContext"/>,
/// and reconnects (every second) when it is lost. A subclass says what a notification means
/// (<see cref="OnNotification"/>) and what to do while notifications may be missed: from a lost connection
/// (<see cref="OnLost"/>) until LISTEN is in place again (<see cref="OnListening"/>).</summary>
public abstract partial class DatabaseListener<TDbContext>(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
    where TDbContext : DbContext
{
    /// <summary>The PostgreSQL notification channel listened on.</summary>
    protected abstract string Channel { get; }

    /// <summary>LISTEN is in place: from now on every notification arrives; any before may have been missed.</summary>
    protected abstract void OnListening();

    /// <summary>A notification on <see cref="Channel"/>, with its payload ("" when the sender gave none).</summary>
    protected abstract void OnNotification(string payload);

    /// <summary>The connection failed or could not be opened: notifications are missed until <see cref="OnListening"/>.</summary>
    protected abstract void OnLost();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException($"{typeof(TDbContext).Name} has no connection string.");
        }

        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                connection.Notification += (_, notification) => OnNotification(notification.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (failures > 0)
                {
                    LogListeningAgain(Channel, failures);
                    failures = 0;
                }

                OnListening();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                OnLost();
                return;
            }
            catch (Exception error)
            {
                failures++;
                LogListenFailed(Channel, error.Message);
                OnLost();
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for notifications on {Channel} failed, reconnecting: {Reason}")]
    private partial void LogListenFailed(string channel, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for notifications on {Channel} again, after {Failures} failed attempts")]
    private partial void LogListeningAgain(string channel, int failures);
}
