using EscalationPlatform.ServiceDefaults;
using Dapper;
using Insights.Api.Data;
using Insights.Domain;
using Microsoft.EntityFrameworkCore;
using static Insights.Api.Queries.CaseConditions;

namespace Insights.Api.Telemetry;

/// <summary>Counts the headline numbers of every tenant once a minute (one statement) for <see cref="InsightsTelemetry"/>.
/// The stall window is the default one here; the API's numbers use each tenant's own.</summary>
public sealed partial class HeadlineRefresher(IServiceScopeFactory scopes, InsightsTelemetry telemetry, TimeProvider clock, ILogger<HeadlineRefresher> logger)
    : PeriodicService(Every, clock)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <summary>What the count reads of a case: the last week's cases (by their submission index) and the older open ones
    /// (by the open cases' index), so that a minute's count does not grow with the years of history kept.</summary>
    private const string Columns =
        "c.tenant_id, c.open, c.status, c.last_activity_at, c.upd_target_seconds, c.submitted_at, c.tta_seconds, c.ttr_seconds, c.flags, c.fr_due_at";

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => RefreshAsync(stoppingToken);

    protected override void OnFailed(Exception error) => LogRefreshFailed(error);

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var rows = await db.Database.GetDbConnection().QueryAsync<Headline>(new CommandDefinition($"""
            SELECT c.tenant_id AS tenantid,
                   count(*) FILTER (WHERE c.open)::float8 AS open,
                   count(*) FILTER (WHERE c.open AND {Stalled})::float8 AS stalled,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY c.tta_seconds) FILTER (WHERE c.submitted_at >= @since) AS mttap50,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY c.ttr_seconds) FILTER (WHERE c.submitted_at >= @since) AS ttrp50,
                   count(*) FILTER (WHERE c.submitted_at >= @since AND {Met("fr")})::float8
                     / nullif(count(*) FILTER (WHERE c.submitted_at >= @since AND ({Met("fr")} OR {Breached("fr")})), 0) AS firstresponsecompliance
            FROM (SELECT {Columns} FROM case_summary c WHERE c.submitted_at >= @since
                  UNION ALL
                  SELECT {Columns} FROM case_summary c WHERE c.open AND c.submitted_at < @since) c
            GROUP BY c.tenant_id
            """, new { now, since = now.AddDays(-7), stallSeconds = InsightSettings.Default.StallAfter.TotalSeconds }, cancellationToken: cancellationToken));
        telemetry.Update(rows.ToList());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the insights headline numbers; the metrics keep their last values")]
    private partial void LogRefreshFailed(Exception failure);
}
