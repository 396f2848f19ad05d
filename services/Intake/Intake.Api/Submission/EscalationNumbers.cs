using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EscalationPlatform.Data;
using Intake.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Intake.Api.Submission;

/// <summary>Numbers escalations per tenant (ESC-000001, ESC-000002, ...) from a PostgreSQL sequence per tenant:
/// a sequence hands out numbers without holding a lock until the submission commits, so concurrent submissions
/// do not queue behind each other. A submission that rolls back leaves a gap, as issue trackers do.</summary>
public sealed class EscalationNumbers(IServiceScopeFactory scopes)
{
    private static readonly long SequenceLock = AdvisoryLock.Key("escalation-platform:escalation-number-sequences");

    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    public async Task<long> NextAsync(IntakeDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        var sequence = SequenceName(tenantId);
        if (!_created.ContainsKey(sequence))
        {
            await CreateAsync(sequence, cancellationToken);
            _created[sequence] = true;
        }

        return await db.Database.SqlQuery<long>($"SELECT nextval({sequence}::regclass) AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>Created outside the caller's transaction (which a failed statement would abort), once per process.</summary>
    private async Task CreateAsync(string sequence, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        try
        {
            // CREATE ... IF NOT EXISTS is not safe against itself in PostgreSQL: two sessions creating the same sequence
            // at once can both pass the check, and one fails. Replicas take turns under an advisory lock instead.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AdvisoryLock.LockForTransactionAsync(db, SequenceLock, cancellationToken);
            var create = "CREATE SEQUENCE IF NOT EXISTS " + sequence; // an identifier cannot be a parameter; the name is [a-z0-9_] only
            await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // created at the same moment by a process that does not take the lock (an older version, during a rollout)
        }
    }

    /// <summary>A valid identifier within PostgreSQL's 63 characters for any tenant id (which is [a-z0-9-]{1,63}):
    /// the readable start of the tenant id and a hash of the whole, so two long ids never share a sequence.</summary>
    public static string SequenceName(string tenantId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId))[..4]);
        var readable = tenantId.Replace('-', '_');
        return $"escalation_number_{(readable.Length > 32 ? readable[..32] : readable)}_{hash}";
    }
}
