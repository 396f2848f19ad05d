using System.Diagnostics;
using System.Text.Json;
using Dapper;
using EscalationPlatform.Contracts;
using EscalationPlatform.Contracts.Intake.V1;
using EscalationPlatform.Web.Tenancy;
using Insights.Api.Data;
using Insights.Api.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Insights.Api.Rebuild;

/// <summary>How a rebuild went: the cases and entries read back from intake, and how long it took.</summary>
public sealed record RebuildResult(int Cases, int Entries, long Milliseconds);

/// <summary>Rebuilds a tenant's read model from intake's history (escalation.intake.v1.Intake/ListHistory, as the caller):
/// for insights started after cases already existed, or after its thresholds changed. One transaction: the tenant's
/// model is replaced whole, and until it commits readers see the old one and live changes of the tenant wait.</summary>
public sealed partial class ModelRebuild(
    Intake.IntakeClient intake, PlatformCallOptions calls, InsightsDbContext db, CaseHistoryStore store, ITenantContext tenant,
    ILogger<ModelRebuild> logger)
{
    private const int Page = 200;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly string ListHistoryMethod = PlatformCallOptions.MethodPath(Intake.Descriptor, "ListHistory");

    public async Task<RebuildResult> RunAsync(string? reason, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = transaction.GetDbTransaction().Connection!;
        await connection.ExecuteAsync(new CommandDefinition("""
            SELECT pg_advisory_xact_lock(@lock);
            DELETE FROM case_entry WHERE tenant_id = @tenant;
            DELETE FROM case_summary WHERE tenant_id = @tenant;
            """, new { @lock = CaseHistoryStore.TenantLock(tenant.TenantId), tenant = tenant.TenantId }, transaction.GetDbTransaction(),
            cancellationToken: cancellationToken));
        var cases = 0;
        var entries = 0;
        var cursor = "";
        do
        {
            var request = new ListHistoryRequest { Cursor = cursor, Limit = Page };
            var response = await intake.ListHistoryAsync(request,
                calls.For(new PlatformIdentity(tenant.TenantId, tenant.Actor), "intake", ListHistoryMethod, request, cancellationToken, Deadline));
            var changes = response.RecordsJson.Select(record => JsonSerializer.Deserialize<EscalationRecordChanged>(record, HistoryJson.Options)!)
                .Where(change => change.TenantId == tenant.TenantId).ToList();
            await store.ApplyAsync(changes, cancellationToken, lockCases: false);
            db.ChangeTracker.Clear();
            cases += changes.Count;
            entries += changes.Sum(change => change.Entries.Count);
            cursor = response.NextCursor;
        }
        while (cursor.Length > 0);

        await transaction.CommitAsync(CancellationToken.None);
        LogRebuilt(tenant.TenantId, tenant.Actor.Id, reason ?? "no reason given", cases, entries, started.ElapsedMilliseconds);
        return new RebuildResult(cases, entries, started.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the insights of tenant {TenantId} from intake's history for {Actor} ({Reason}): {Cases} cases, {Entries} entries in {Milliseconds} ms")]
    private partial void LogRebuilt(string tenantId, string actor, string reason, int cases, int entries, long milliseconds);
}
