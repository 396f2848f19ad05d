using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EscalationPlatform.Messaging.Retries;

/// <summary>Tells a failure caused by the service's database being unreachable (restarting, failing over, the network
/// to it down) from a failure of the message itself, and waits for the database to answer again. Until it does, every
/// attempt at any message fails the same way, and delayed redelivery cannot help: it is scheduled through the same
/// database.</summary>
public static class DatabaseOutage
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    public static bool Caused(Exception failure)
    {
        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is NpgsqlException { IsTransient: true } or SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.TimedOut })
            {
                return true;
            }

            if (cause is AggregateException aggregate && aggregate.InnerExceptions.Any(Caused))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns once the database accepts a connection, or when <paramref name="longest"/> has passed; true if it
    /// answered. The probe is a connection of its own, outside the pool, whose idle connections a restart has broken:
    /// once the database answers, they are dropped.</summary>
    public static async Task<bool> WaitUntilBackAsync(DbContext db, TimeSpan longest, TimeProvider clock, CancellationToken cancellationToken)
    {
        var pooled = db.Database.GetConnectionString();
        var probe = new NpgsqlConnectionStringBuilder(pooled) { Pooling = false, Timeout = 5 }.ConnectionString;
        var giveUpAt = clock.GetUtcNow() + longest;
        for (var pause = TimeSpan.FromMilliseconds(250); ; pause = pause * 2 < LongestPause ? pause * 2 : LongestPause)
        {
            if (await AnswersAsync(probe, cancellationToken))
            {
                using var connection = new NpgsqlConnection(pooled);
                NpgsqlConnection.ClearPool(connection);
                return true;
            }

            var left = giveUpAt - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.Delay(pause < left ? pause : left, clock, cancellationToken);
        }
    }

    private static async Task<bool> AnswersAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception failure) when (Caused(failure) || failure is PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow })
        {
            return false;
        }
    }
}
