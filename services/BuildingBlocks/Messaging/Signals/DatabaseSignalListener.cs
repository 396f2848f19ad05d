using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EscalationPlatform.Messaging.Signals;

/// <summary>Holds one connection LISTENing on the channel of <typeparamref name="TSignal"/> and raises the signal for
/// each notification, so work starts as soon as a commit lands, from any instance of the service.</summary>
public sealed partial class DatabaseSignalListener<TDbContext, TSignal>(
    IServiceScopeFactory scopes, TSignal signal, ILogger<DatabaseSignalListener<TDbContext, TSignal>> logger)
    : BackgroundService where TDbContext : DbContext where TSignal : DatabaseSignal
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException($"{typeof(TDbContext).Name} has no connection string.");
        }

        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                connection.Notification += (_, _) => signal.Raise();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {signal.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.Raise(); // anything committed while we were not listening
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogListenFailed(signal.Channel, error.Message);
                signal.Raise();
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for notifications on {Channel} failed, reconnecting: {Reason}")]
    private partial void LogListenFailed(string channel, string reason);
}
