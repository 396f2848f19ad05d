using System.Buffers.Binary;
using Dapper;
using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Web.Validation;
using Insights.Api.Data;
using Insights.Api.Settings;
using Insights.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Insights.Api.History;

/// <summary>Applies records and timeline entries to the read model, many cases in one round of statements: the entries
/// are added (an entry already kept is skipped), each touched case takes the newest record it has seen, and its summary
/// is computed again from the record and all its entries (<see cref="CaseSummaries"/>). Runs in the caller's transaction;
/// a case is changed by one transaction at a time (advisory locks, taken in order), and a tenant's rebuild excludes
/// everything else of that tenant.</summary>
public sealed class CaseHistoryStore(InsightsDbContext db, TenantSettings settings)
{
    /// <param name="changes">The records and entries to apply.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <param name="lockCases">False for a rebuild, which holds its tenant's lock exclusively already (and would run out of
    /// lock slots locking every case of a large tenant).</param>
    public async Task<IReadOnlyList<CaseRow>> ApplyAsync(IReadOnlyList<EscalationRecordChanged> changes, CancellationToken cancellationToken, bool lockCases = true)
    {
        if (changes.Count == 0)
        {
            return [];
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The read model changes inside a transaction.");
        var connection = transaction.Connection!;
        var tenants = changes.Select(change => TenantLock(change.TenantId)).Distinct().Order().ToArray();
        var cases = changes.Select(change => CaseLock(change.EscalationId)).Distinct().Order().ToArray();
        if (lockCases)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock_shared(k) FROM unnest(@tenants) k ORDER BY k; SELECT pg_advisory_xact_lock(k) FROM unnest(@cases) k ORDER BY k;",
                new { tenants, cases }, transaction, cancellationToken: cancellationToken));
        }

        var entries = changes.SelectMany(change => change.Entries.Select(entry => (change.EscalationId, change.TenantId, Entry: entry))).ToList();
        if (entries.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO case_entry (escalation_id, tenant_id, at, what, actor_kind, actor_id, from_status, to_status, team_id, team_name)
                SELECT * FROM unnest(@ids, @tenants, @ats, @whats, @kinds, @actors, @froms, @tos, @teams, @teamNames)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    ids = entries.Select(item => item.EscalationId).ToArray(),
                    tenants = entries.Select(item => item.TenantId).ToArray(),
                    ats = entries.Select(item => item.Entry.At.UtcDateTime).ToArray(),
                    whats = entries.Select(item => item.Entry.What).ToArray(),
                    kinds = entries.Select(item => KebabEnum<ActorKind>.Name(item.Entry.ActorKind)).ToArray(),
                    actors = entries.Select(item => item.Entry.ActorId).ToArray(),
                    froms = entries.Select(item => Status(item.Entry.From)).ToArray(),
                    tos = entries.Select(item => Status(item.Entry.To)).ToArray(),
                    teams = entries.Select(item => item.Entry.TeamId).ToArray(),
                    teamNames = entries.Select(item => item.Entry.TeamName).ToArray(),
                },
                transaction, cancellationToken: cancellationToken));
        }

        var ids = changes.Select(change => change.EscalationId).Distinct().ToList();
        var rows = await db.Cases.Where(row => ids.Contains(row.EscalationId)).ToDictionaryAsync(row => row.EscalationId, cancellationToken);
        var history = (await db.Entries.AsNoTracking().Where(entry => ids.Contains(entry.EscalationId)).ToListAsync(cancellationToken))
            .ToLookup(entry => entry.EscalationId, entry => entry.ToEntry());
        var newest = changes.GroupBy(change => change.EscalationId).Select(group => group.MaxBy(change => change.At)!);
        var thresholds = new Dictionary<string, InsightSettings>();
        foreach (var change in newest)
        {
            if (!rows.TryGetValue(change.EscalationId, out var row))
            {
                row = new CaseRow { EscalationId = change.EscalationId, TenantId = change.TenantId };
                db.Cases.Add(row);
                rows[change.EscalationId] = row;
            }
            else if (row.TenantId != change.TenantId)
            {
                continue; // an id is one tenant's; a change naming another tenant for it is not believed
            }

            if (row.Record is null || change.At.UtcDateTime >= row.RecordAt)
            {
                row.Record = change.Record;
                row.RecordAt = change.At.UtcDateTime;
            }

            if (!thresholds.TryGetValue(row.TenantId, out var tenantSettings))
            {
                thresholds[row.TenantId] = tenantSettings = await settings.ForAsync(row.TenantId, cancellationToken);
            }

            row.Take(CaseSummaries.Summarise(row.Record, history[row.EscalationId].ToList(), tenantSettings));
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. rows.Values];
    }

    /// <summary>Held exclusively while a tenant's model is rebuilt, shared by every other change to it.</summary>
    public static long TenantLock(string tenantId) => AdvisoryLock.Key($"insights:tenant:{tenantId}");

    private static long CaseLock(Guid escalationId) => BinaryPrimitives.ReadInt64BigEndian(escalationId.ToByteArray(bigEndian: true).AsSpan(8));

    private static string? Status(EscalationStatus? status) => status is { } value ? KebabEnum<EscalationStatus>.Name(value) : null;
}
