using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Triage.Api.Data;
using Triage.Domain;

namespace Triage.Api.Matrix;

/// <summary>Each tenant's escalation matrix: versioned rows, the newest in force. A tenant without one starts from
/// the default matrix (written as its version 1 on first use). Read often, changed rarely: kept in memory for a
/// short while, so this instance uses a new version at once and another one within <see cref="CacheFor"/>.</summary>
public sealed class MatrixStore(TriageDbContext db, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<EscalationMatrix> ActiveAsync(string tenantId, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(Key(tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await LoadAsync(tenantId, cancellationToken);
        }))!;

    /// <summary>Saves the rules as the tenant's next version and returns it.</summary>
    public async Task<EscalationMatrix> SaveAsync(string tenantId, IReadOnlyList<MatrixRule> rules, CancellationToken cancellationToken)
    {
        var current = await ActiveAsync(tenantId, cancellationToken);
        var next = new EscalationMatrix(current.Version + 1, rules);
        db.MatrixVersions.Add(new MatrixVersionRow
        {
            TenantId = tenantId,
            Version = next.Version,
            Rules = MatrixJson.Write(rules),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return cache.Set(Key(tenantId), next, CacheFor);
    }

    private async Task<EscalationMatrix> LoadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await db.MatrixVersions.AsNoTracking().Where(matrix => matrix.TenantId == tenantId)
            .OrderByDescending(matrix => matrix.Version).FirstOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            return new EscalationMatrix(row.Version, MatrixJson.Read(JsonDocument.Parse(row.Rules).RootElement));
        }

        var initial = DefaultMatrix.Create();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO matrix_version ("TenantId", "Version", "Rules", "CreatedAt")
            VALUES ({tenantId}, {initial.Version}, {MatrixJson.Write(initial.Rules)}::jsonb, {clock.GetUtcNow().UtcDateTime})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        return initial;
    }

    private static string Key(string tenantId) => $"escalation-matrix:{tenantId}";
}
