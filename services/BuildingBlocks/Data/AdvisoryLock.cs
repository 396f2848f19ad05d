using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EscalationPlatform.Data;

/// <summary>PostgreSQL advisory locks, so that the replicas of a service take turns at work that must not run twice
/// at once on its database. A lock is scoped to the database, and each purpose has its own fixed 64-bit key.</summary>
public static class AdvisoryLock
{
    /// <summary>Held while a replica applies migrations.</summary>
    public static readonly long Migrations = Key("escalation-platform:migrations");

    /// <summary>A stable key for a purpose: the first 8 bytes of its SHA-256 (string.GetHashCode differs per process).</summary>
    public static long Key(string purpose) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(purpose)));

    /// <summary>Waits for the session-level lock on a connection of its own (not pooled: a pooled connection would keep
    /// the session, and the lock, after it is returned). Disposing the answer unlocks and closes the connection, and
    /// the server releases the lock by itself should the process die first. <paramref name="waiting"/> is called
    /// once if another session holds the lock.</summary>
    public static async Task<IAsyncDisposable> AcquireSessionLockAsync(string connectionString, long key, Action waiting, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } })
            {
                if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
                {
                    return new SessionLock(connection, key);
                }
            }

            waiting();
            await using (var wait = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = key } }, CommandTimeout = 0 })
            {
                await wait.ExecuteNonQueryAsync(cancellationToken); // as long as the holder takes; cancelled with the start-up
            }

            return new SessionLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes the transaction-level lock in the context's current transaction (released when it ends).</summary>
    public static Task LockForTransactionAsync(DbContext db, long key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);

    private sealed class SessionLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
                await unlock.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // the connection is gone, and the lock with it
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
