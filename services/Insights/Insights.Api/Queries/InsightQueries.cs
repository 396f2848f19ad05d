using System.Data.Common;
using Dapper;
using Insights.Api.Data;
using Insights.Domain;
using Microsoft.EntityFrameworkCore;
using static Insights.Api.Queries.CaseConditions;

namespace Insights.Api.Queries;

/// <summary>The insights over a tenant's read model (SPEC section 8), each one SQL statement or a few on case_summary
/// with the caller's filters. Times are in seconds; "now" is the caller's clock.</summary>
public sealed class InsightQueries(InsightsDbContext db, TimeProvider clock)
{
    public const int MaxCases = 200;
    public const int ListLimit = 50;

    private DbConnection Connection => db.Database.GetDbConnection();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DynamicParameters Parameters(InsightSettings settings)
    {
        var parameters = new DynamicParameters();
        parameters.Add("now", Now);
        parameters.Add("stallSeconds", settings.StallAfter.TotalSeconds);
        parameters.Add("bounceAfter", settings.BounceAfter);
        return parameters;
    }

    public async Task<InsightSummary> SummaryAsync(InsightFilter filter, InsightSettings settings, CancellationToken cancellationToken)
    {
        var parameters = Parameters(settings);
        var inRange = filter.Where(parameters);
        var sla = string.Join(", ", ClockColumns.Values.Select(clock =>
            $"count(*) FILTER (WHERE {Met(clock)})::int AS {clock}_met, count(*) FILTER (WHERE {Breached(clock)})::int AS {clock}_breached"));
        var totalsRow = (IDictionary<string, object?>)await Connection.QuerySingleAsync(new CommandDefinition($"""
            SELECT count(*)::int AS escalations,
                   {P("tta_seconds", "tta")}, {P("ttfr_seconds", "ttfr")}, {P("ttr_seconds", "ttr")}, {P("ttr_working_seconds", "ttrw")},
                   count(*) FILTER (WHERE c.ever_resolved)::int AS resolved, count(*) FILTER (WHERE c.ever_resolved AND c.reopens > 0)::int AS reopened,
                   count(*) FILTER (WHERE {Bouncing})::int AS bouncing,
                   count(*) FILTER (WHERE {TooEarly})::int AS too_early, count(*) FILTER (WHERE {TooLate})::int AS too_late,
                   {sla}
            FROM case_summary c WHERE {inRange}
            """, parameters, cancellationToken: cancellationToken));
        var current = filter.Where(parameters, inRange: false);
        var risks = string.Join(", ", ClockColumns.Values.Select(clock => $"count(*) FILTER (WHERE {AtRisk(clock)})::int AS {clock}_at_risk"));
        var nowRow = (IDictionary<string, object?>)await Connection.QuerySingleAsync(new CommandDefinition($"""
            SELECT count(*) FILTER (WHERE c.open)::int AS open, count(*) FILTER (WHERE {Stalled})::int AS stalled, {risks}
            FROM case_summary c WHERE {current} AND c.open
            """, parameters, cancellationToken: cancellationToken));
        var clocks = ClockColumns.Select(pair =>
        {
            var met = (int)totalsRow[$"{pair.Value}_met"]!;
            var breached = (int)totalsRow[$"{pair.Value}_breached"]!;
            return new ClockCompliance(pair.Key, met, breached, (int)nowRow[$"{pair.Value}_at_risk"]!,
                met + breached == 0 ? null : (double)met / (met + breached));
        }).ToList();
        int Count(IDictionary<string, object?> row, string name) => (int)row[name]!;
        var resolved = Count(totalsRow, "resolved");
        var reopened = Count(totalsRow, "reopened");
        return new InsightSummary(filter.From, filter.To, Count(totalsRow, "escalations"), Count(nowRow, "open"),
            Percentile(totalsRow, "tta"), Percentile(totalsRow, "ttfr"), Percentile(totalsRow, "ttr"), Percentile(totalsRow, "ttrw"),
            resolved, reopened, resolved == 0 ? null : (double)reopened / resolved, clocks, Count(nowRow, "stalled"), Count(totalsRow, "bouncing"),
            Count(totalsRow, "too_early"), Count(totalsRow, "too_late"), (await CsatAsync(filter, cancellationToken)).Score);
    }

    public async Task<IReadOnlyList<VolumePoint>> VolumeAsync(InsightFilter filter, string bucket, string by, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var where = filter.Where(parameters);
        var (key, label) = GroupBy(by);
        parameters.Add("bucket", bucket);
        return (await Connection.QueryAsync<VolumePoint>(new CommandDefinition($"""
            SELECT date_trunc(@bucket, c.submitted_at, 'UTC') AS bucket, {key} AS key, {label} AS label, count(*)::int AS count
            FROM case_summary c WHERE {where}
            GROUP BY 1, 2, 3 ORDER BY 1, 2
            """, parameters, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<TimesPoint>> TimesAsync(InsightFilter filter, string bucket, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var where = filter.Where(parameters);
        parameters.Add("bucket", bucket);
        return (await Connection.QueryAsync<TimesPoint>(new CommandDefinition($"""
            SELECT date_trunc(@bucket, c.submitted_at, 'UTC') AS bucket, count(*)::int AS cases,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY c.tta_seconds) AS acknowledgep50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY c.tta_seconds) AS acknowledgep90,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY c.ttfr_seconds) AS firstresponsep50,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY c.ttr_seconds) AS resolutionp50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY c.ttr_seconds) AS resolutionp90
            FROM case_summary c WHERE {where}
            GROUP BY 1 ORDER BY 1
            """, parameters, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<BacklogCell>> BacklogAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var parameters = Parameters(InsightSettings.Default);
        var where = filter.Where(parameters, inRange: false);
        var cells = await Connection.QueryAsync<BacklogCell>(new CommandDefinition($"""
            SELECT {AgeBucket} AS age, c.status AS status, count(*)::int AS count
            FROM case_summary c WHERE {where} AND c.open
            GROUP BY 1, 2
            """, parameters, cancellationToken: cancellationToken));
        var order = BacklogAges.Buckets.Select(bucket => bucket.Name).Append(BacklogAges.Oldest).ToList();
        return cells.OrderBy(cell => order.IndexOf(cell.Age)).ThenBy(cell => cell.Status, StringComparer.Ordinal).ToList();
    }

    public async Task<StallReport> StallsAsync(InsightFilter filter, InsightSettings settings, CancellationToken cancellationToken)
    {
        var parameters = Parameters(settings);
        var where = filter.Where(parameters);
        var times = await Connection.QueryAsync<StatusTime>(new CommandDefinition($"""
            SELECT span.key AS status, count(*)::int AS cases, avg(span.value::float8) AS averageseconds,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY span.value::float8) AS medianseconds
            FROM case_summary c, jsonb_each_text(c.time_in_status) span WHERE {where}
            GROUP BY 1 ORDER BY 3 DESC
            """, parameters, cancellationToken: cancellationToken));
        var handoffs = await Connection.QuerySingleAsync(new CommandDefinition($"""
            SELECT coalesce(sum(c.handoffs_requested), 0)::int AS requested, coalesce(sum(c.handoffs_answered), 0)::int AS answered,
                   sum(c.handoff_wait_seconds) / nullif(sum(c.handoffs_answered), 0) AS average
            FROM case_summary c WHERE {where}
            """, parameters, cancellationToken: cancellationToken));
        var stalled = await CasesAsync(filter, settings, "stalled", cancellationToken);
        return new StallReport(times.ToList(), handoffs.requested, handoffs.answered, (double?)handoffs.average, stalled.Total, stalled.Items);
    }

    public async Task<BounceReport> BouncesAsync(InsightFilter filter, InsightSettings settings, CancellationToken cancellationToken)
    {
        var parameters = Parameters(settings);
        var where = filter.Where(parameters);
        var teams = await Connection.QueryAsync<TeamHandoffs>(new CommandDefinition($"""
            SELECT team->>'id' AS teamid, coalesce(team->>'name', team->>'id') AS teamname, count(*)::int AS received
            FROM case_summary c, jsonb_array_elements(c.handoff_teams) team WHERE {where}
            GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT {ListLimit}
            """, parameters, cancellationToken: cancellationToken));
        var bouncing = await CasesAsync(filter, settings, "bouncing", cancellationToken);
        return new BounceReport(settings.BounceAfter, bouncing.Items, teams.ToList());
    }

    public async Task<RepeatReport> RepeatCustomersAsync(InsightFilter filter, InsightSettings settings, CancellationToken cancellationToken)
    {
        var window = filter with { From = filter.To - RepeatCustomers.Window(settings) };
        var parameters = new DynamicParameters();
        var where = window.Where(parameters);
        parameters.Add("atLeast", settings.RepeatEscalations);
        var customers = await Connection.QueryAsync<RepeatCustomer>(new CommandDefinition($"""
            SELECT c.customer_id AS customerid, max(c.customer_name) AS customername, count(*)::int AS escalations, max(c.submitted_at) AS latest
            FROM case_summary c WHERE {where}
            GROUP BY 1 HAVING count(*) >= @atLeast ORDER BY 3 DESC, 1 LIMIT {ListLimit}
            """, parameters, cancellationToken: cancellationToken));
        return new RepeatReport(settings.RepeatEscalations, settings.RepeatWindowDays, filter.To, customers.ToList());
    }

    public async Task<TrendReport> TrendsAsync(InsightFilter filter, string by, string period, CancellationToken cancellationToken)
    {
        const int baselinePeriods = 4;
        var length = period == "week" ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
        var span = filter with { From = filter.To - length * (baselinePeriods + 1) };
        var parameters = new DynamicParameters();
        var where = span.Where(parameters);
        var key = by switch { "product-area" => "c.product_area", "error-signature" => "c.error_signature", _ => "c.issue_type" };
        parameters.Add("periodSeconds", length.TotalSeconds);
        var counts = await Connection.QueryAsync<(string Key, int Ago, int Count)>(new CommandDefinition($"""
            SELECT {key} AS key, floor(extract(epoch from @to - c.submitted_at) / @periodSeconds)::int AS ago, count(*)::int AS count
            FROM case_summary c WHERE {where} AND {key} IS NOT NULL
            GROUP BY 1, 2
            """, parameters, cancellationToken: cancellationToken));
        var categories = counts.GroupBy(count => count.Key).Select(group =>
        {
            var trend = Trends.Of(group.Where(count => count.Ago == 0).Sum(count => count.Count),
                Enumerable.Range(1, baselinePeriods).Select(ago => group.Where(count => count.Ago == ago).Sum(count => count.Count)).ToList());
            return new TrendItem(group.Key, trend.Latest, trend.Baseline, double.IsInfinity(trend.Growth) ? null : trend.Growth, trend.Trending);
        });
        return new TrendReport(by, period, filter.To,
            categories.OrderByDescending(item => item.Trending).ThenByDescending(item => item.Growth ?? double.MaxValue).ThenByDescending(item => item.Latest)
                .Take(ListLimit).ToList());
    }

    public async Task<TimingReport> TimingAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var where = filter.Where(parameters);
        var submitters = await Connection.QueryAsync(new CommandDefinition($"""
            SELECT c.submitted_by, c.source, count(*)::int AS escalations,
                   count(*) FILTER (WHERE {TooEarly})::int AS too_early, count(*) FILTER (WHERE {TooLate})::int AS too_late,
                   (array_agg(c.escalation_id ORDER BY c.submitted_at DESC) FILTER (WHERE {TooEarly}))[1:3] AS early_ids,
                   (array_agg(c.key ORDER BY c.submitted_at DESC) FILTER (WHERE {TooEarly}))[1:3] AS early_keys,
                   (array_agg(c.escalation_id ORDER BY c.submitted_at DESC) FILTER (WHERE {TooLate}))[1:3] AS late_ids,
                   (array_agg(c.key ORDER BY c.submitted_at DESC) FILTER (WHERE {TooLate}))[1:3] AS late_keys
            FROM case_summary c WHERE {where}
            GROUP BY 1, 2 ORDER BY 4 + 5 DESC, 3 DESC LIMIT {ListLimit}
            """, parameters, cancellationToken: cancellationToken));
        var reasons = (await Connection.QueryAsync<(string Kind, string Reason, int Count)>(new CommandDefinition($"""
            SELECT 'early' AS kind, reason, count(*)::int FROM case_summary c, unnest(c.too_early) reason WHERE {where} GROUP BY 2
            UNION ALL
            SELECT 'late', reason, count(*)::int FROM case_summary c, unnest(c.too_late) reason WHERE {where} GROUP BY 2
            """, parameters, cancellationToken: cancellationToken))).ToList();
        var totals = await Connection.QuerySingleAsync(new CommandDefinition($"""
            SELECT count(*)::int AS escalations, count(*) FILTER (WHERE {TooEarly})::int AS too_early, count(*) FILTER (WHERE {TooLate})::int AS too_late
            FROM case_summary c WHERE {where}
            """, parameters, cancellationToken: cancellationToken));
        return new TimingReport(totals.escalations, totals.too_early, totals.too_late,
            reasons.Where(reason => reason.Kind == "early").Select(reason => new ReasonCount(reason.Reason, reason.Count)).OrderByDescending(reason => reason.Count).ToList(),
            reasons.Where(reason => reason.Kind == "late").Select(reason => new ReasonCount(reason.Reason, reason.Count)).OrderByDescending(reason => reason.Count).ToList(),
            submitters.Select(row => new SubmitterTiming((string)row.submitted_by, (string)row.source, (int)row.escalations, (int)row.too_early, (int)row.too_late,
                Examples((Guid[]?)row.early_ids, (string[]?)row.early_keys), Examples((Guid[]?)row.late_ids, (string[]?)row.late_keys))).ToList());
    }

    public async Task<CsatReport> CsatAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var where = filter.Where(parameters, inRange: false);
        var ratings = $"FROM csat_rating r JOIN case_summary c ON c.escalation_id = r.escalation_id WHERE {where} AND r.rated_at >= @from AND r.rated_at < @to";
        parameters.Add("from", filter.From);
        parameters.Add("to", filter.To);
        var distribution = (await Connection.QueryAsync<(int Score, int Count)>(new CommandDefinition(
            $"SELECT r.score, count(*)::int {ratings} GROUP BY 1", parameters, cancellationToken: cancellationToken))).ToDictionary(row => row.Score, row => row.Count);
        var comments = await Connection.QueryAsync<CsatComment>(new CommandDefinition(
            $"SELECT r.escalation_id AS escalationid, c.key, r.score, r.comment, r.rated_at AS ratedat {ratings} AND r.comment IS NOT NULL ORDER BY r.rated_at DESC LIMIT {ListLimit}",
            parameters, cancellationToken: cancellationToken));
        var count = distribution.Values.Sum();
        var score = new CsatScore(count, count == 0 ? null : distribution.Sum(pair => pair.Key * pair.Value) / (double)count,
            count == 0 ? (double?)null : distribution.Where(pair => pair.Key >= CsatRules.SatisfiedFrom).Sum(pair => pair.Value) / (double)count);
        return new CsatReport(score, Enumerable.Range(1, 5).Select(value => distribution.GetValueOrDefault(value)).ToList(), comments.ToList());
    }

    /// <summary>The cases behind a number (<see cref="CaseMetrics"/>), newest first, at most <see cref="MaxCases"/>.</summary>
    public async Task<CaseList> CasesAsync(InsightFilter filter, InsightSettings settings, string metric, CancellationToken cancellationToken)
    {
        var parameters = Parameters(settings);
        var (condition, inRange) = CaseMetrics.Condition(metric, parameters)!.Value;
        var where = filter.Where(parameters, inRange);
        var total = await Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*)::int FROM case_summary c WHERE {where} AND {condition}", parameters, cancellationToken: cancellationToken));
        var items = await Connection.QueryAsync<CaseItem>(new CommandDefinition($"""
            SELECT c.escalation_id AS id, c.key, c.title, c.status, c.severity, c.customer_name AS customername, c.team_name AS teamname,
                   c.submitted_at AS submittedat, c.handoffs_accepted AS handoffsaccepted, c.last_activity_at AS lastactivityat,
                   c.too_early AS tooearly, c.too_late AS toolate
            FROM case_summary c WHERE {where} AND {condition}
            ORDER BY c.submitted_at DESC LIMIT {MaxCases}
            """, parameters, cancellationToken: cancellationToken));
        return new CaseList(metric, total, items.ToList());
    }

    private static string P(string column, string name) =>
        $"percentile_cont(0.5) WITHIN GROUP (ORDER BY c.{column}) AS {name}_p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY c.{column}) AS {name}_p90, count(c.{column})::int AS {name}_cases";

    private static Percentiles Percentile(IDictionary<string, object?> row, string name) =>
        new((double?)row[$"{name}_p50"], (double?)row[$"{name}_p90"], (int)row[$"{name}_cases"]!);

    private static (string Key, string Label) GroupBy(string by) => by switch
    {
        "team" => ("coalesce(c.team_id, '')", "coalesce(c.team_name, 'no team yet')"),
        "issue-type" => ("c.issue_type", "c.issue_type"),
        "severity" => ("coalesce(c.severity, '')", "coalesce(c.severity, 'not triaged')"),
        "customer" => ("c.customer_id", "c.customer_name"),
        _ => ("'all'", "'all'"),
    };

    private static IReadOnlyList<CaseExample> Examples(Guid[]? ids, string[]? keys) =>
        ids is null || keys is null ? [] : ids.Zip(keys, (id, key) => new CaseExample(id, key)).ToList();
}
