using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Data;
using Triage.Domain;

namespace Triage.Api.Matrix;

/// <summary>Each tenant's escalation matrix: versioned rows, the newest in force. A tenant without one starts from
/// the default matrix (written as its version 1 on first use). Read often, changed rarely: kept in memory for a
/// short while, so another instance sees a new version within <see cref="CacheFor"/>.</summary>
public sealed class MatrixStore(TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (EscalationMatrix Matrix, DateTimeOffset Until)> _cache = new();

    public async Task<EscalationMatrix> ActiveAsync(TriageDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(tenantId, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.Matrix;
        }

        var row = await db.MatrixVersions.AsNoTracking().Where(matrix => matrix.TenantId == tenantId)
            .OrderByDescending(matrix => matrix.Version).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            var initial = DefaultMatrix.Create();
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO matrix_version ("TenantId", "Version", "Rules", "CreatedAt")
                VALUES ({tenantId}, {initial.Version}, {MatrixJson.Write(initial.Rules)}::jsonb, {clock.GetUtcNow().UtcDateTime})
                ON CONFLICT DO NOTHING
                """,
                cancellationToken);
            return Remember(tenantId, initial);
        }

        return Remember(tenantId, new EscalationMatrix(row.Version, MatrixJson.Read(JsonDocument.Parse(row.Rules).RootElement)));
    }

    /// <summary>Saves the rules as the tenant's next version and returns it.</summary>
    public async Task<EscalationMatrix> SaveAsync(TriageDbContext db, string tenantId, IReadOnlyList<MatrixRule> rules, CancellationToken cancellationToken)
    {
        var current = await ActiveAsync(db, tenantId, cancellationToken);
        var next = new EscalationMatrix(current.Version + 1, rules);
        db.MatrixVersions.Add(new MatrixVersionRow
        {
            TenantId = tenantId,
            Version = next.Version,
            Rules = MatrixJson.Write(rules),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Remember(tenantId, next);
    }

    private EscalationMatrix Remember(string tenantId, EscalationMatrix matrix)
    {
        _cache[tenantId] = (matrix, clock.GetUtcNow() + CacheFor);
        return matrix;
    }
}
