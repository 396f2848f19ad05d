using System.Data.Common;
using Dapper;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Insights.Api.Data;
using Insights.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
        // The statements of the summary are independent, so they run side by side, each on a connection of its own: over a
        // year the percentiles sort every case's times, and on two cores the answer then takes little more than that sort.
        var early = RowAsync(parameters => $"""
            SELECT {P("tta_seconds", "tta")}, {P("ttfr_seconds", "ttfr")} FROM case_summary c WHERE {filter.Where(parameters)}
            """, settings, cancellationToken);
        var late = RowAsync(parameters => $"""
            SELECT {P("ttr_seconds", "ttr")}, {P("ttr_working_seconds", "ttrw")} FROM case_summary c WHERE {filter.Where(parameters)}
            """, settings, cancellationToken);
        var sla = string.Join(", ", ClockColumns.Values.Select(clock =>
            $"{Cases(Met(clock))} AS {clock}_met, coalesce({BreachedCount(clock)}, 0)::int AS {clock}_breached"));
        var totals = RowAsync(parameters => $"""
            SELECT coalesce(sum(c.n), 0)::int AS escalations, {Cases(EverResolved)} AS resolved, {Cases(Reopened)} AS reopened,
                   {Cases(Bouncing)} AS bouncing, {Cases(TooEarly)} AS too_early, {Cases(TooLate)} AS too_late, {sla}
            FROM {GroupedByFlags(filter.Where(parameters))}
            """, settings, cancellationToken);
        var risks = string.Join(", ", ClockColumns.Values.Select(clock => $"count(*) FILTER (WHERE {AtRisk(clock)})::int AS {clock}_at_risk"));
        var standing = RowAsync(parameters => $"""
            SELECT count(*) FILTER (WHERE c.open)::int AS open, count(*) FILTER (WHERE {Stalled})::int AS stalled, {risks}
            FROM case_summary c WHERE {filter.Where(parameters, inRange: false)} AND c.open
            """, settings, cancellationToken);
        var csat = CsatScoreAsync(filter, cancellationToken);
        await Task.WhenAll(early, late, totals, standing, csat);
        var (totalsRow, nowRow) = (await totals, await standing);
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
            Percentile(await early, "tta"), Percentile(await early, "ttfr"), Percentile(await late, "ttr"), Percentile(await late, "ttrw"),
            resolved, reopened, resolved == 0 ? null : (double)reopened / resolved, clocks, Count(nowRow, "stalled"), Count(totalsRow, "bouncing"),
            Count(totalsRow, "too_early"), Count(totalsRow, "too_late"), await csat);
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
            SELECT t.bucket, t.cases, t.acknowledge[1] AS acknowledgep50, t.acknowledge[2] AS acknowledgep90, t.firstresponse AS firstresponsep50,
                   t.resolution[1] AS resolutionp50, t.resolution[2] AS resolutionp90
            FROM (SELECT date_trunc(@bucket, c.submitted_at, 'UTC') AS bucket, count(*)::int AS cases,
                         percentile_cont(array[0.5, 0.9]) WITHIN GROUP (ORDER BY c.tta_seconds) AS acknowledge,
                         percentile_cont(0.5) WITHIN GROUP (ORDER BY c.ttfr_seconds) AS firstresponse,
                         percentile_cont(array[0.5, 0.9]) WITHIN GROUP (ORDER BY c.ttr_seconds) AS resolution
                  FROM case_summary c WHERE {where}
                  GROUP BY 1) t
            ORDER BY 1
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
        var statuses = Enum.GetValues<EscalationStatus>().Select(KebabEnum<EscalationStatus>.Name).ToList();
        var perStatus = string.Join(", ", statuses.Select((_, i) => $"count(c.status_seconds[{i + 1}])::int AS n{i}, avg(c.status_seconds[{i + 1}]) AS a{i}"));
        var row = (IDictionary<string, object?>)await Connection.QuerySingleAsync(new CommandDefinition($"""
            SELECT {perStatus}, coalesce(sum(c.handoffs_requested), 0)::int AS requested, coalesce(sum(c.handoffs_answered), 0)::int AS answered,
                   sum(c.handoff_wait_seconds) / nullif(sum(c.handoffs_answered), 0) AS average
            FROM case_summary c WHERE {where}
            """, parameters, cancellationToken: cancellationToken));
        var times = statuses.Select((status, i) => (status, cases: (int)row[$"n{i}"]!, average: row[$"a{i}"] as double?))
            .Where(time => time.cases > 0).Select(time => new StatusTime(time.status, time.cases, time.average ?? 0))
            .OrderByDescending(time => time.AverageSeconds).ToList();
        var stalled = await CasesAsync(filter, settings, "stalled", cancellationToken);
        return new StallReport(times, (int)row["requested"]!, (int)row["answered"]!, row["average"] as double?, stalled.Total, stalled.Items);
    }

    public async Task<BounceReport> BouncesAsync(InsightFilter filter, InsightSettings settings, CancellationToken cancellationToken)
    {
        var parameters = Parameters(settings);
        var where = filter.Where(parameters);
        var teams = await Connection.QueryAsync<TeamHandoffs>(new CommandDefinition($"""
            SELECT team.id AS teamid, max(team.name) AS teamname, count(*)::int AS received
            FROM case_summary c, unnest(c.handoff_team_ids, c.handoff_team_names) team(id, name) WHERE {where} AND c.handoffs_accepted > 0
            GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT {ListLimit}
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
        var submitters = (await Connection.QueryAsync<(string SubmittedBy, string Source, int Escalations, int TooEarly, int TooLate, long All, long AllEarly, long AllLate)>(
            new CommandDefinition($"""
            SELECT c.submitted_by, c.source, count(*)::int, count(*) FILTER (WHERE {TooEarly})::int, count(*) FILTER (WHERE {TooLate})::int,
                   sum(count(*)) OVER ()::bigint, sum(count(*) FILTER (WHERE {TooEarly})) OVER ()::bigint, sum(count(*) FILTER (WHERE {TooLate})) OVER ()::bigint
            FROM case_summary c WHERE {where}
            GROUP BY 1, 2 ORDER BY 4 + 5 DESC, 3 DESC LIMIT {ListLimit}
            """, parameters, cancellationToken: cancellationToken))).ToList();
        var examples = (await Connection.QueryAsync<(string SubmittedBy, string Source, string Kind, Guid Id, string Key)>(new CommandDefinition($"""
            SELECT submitted_by, source, kind, escalation_id, key FROM (
                SELECT c.submitted_by, c.source, 'early' AS kind, c.escalation_id, c.key, c.submitted_at,
                       row_number() OVER (PARTITION BY c.submitted_by, c.source ORDER BY c.submitted_at DESC) AS rank
                FROM case_summary c WHERE {where} AND {TooEarly}
                UNION ALL
                SELECT c.submitted_by, c.source, 'late', c.escalation_id, c.key, c.submitted_at,
                       row_number() OVER (PARTITION BY c.submitted_by, c.source ORDER BY c.submitted_at DESC)
                FROM case_summary c WHERE {where} AND {TooLate}) examples
            WHERE rank <= 3 ORDER BY submitted_at DESC
            """, parameters, cancellationToken: cancellationToken))).ToLookup(example => (example.SubmittedBy, example.Source, example.Kind));
        var reasons = (await Connection.QueryAsync<(string Kind, string Reason, int Count)>(new CommandDefinition($"""
            SELECT 'early' AS kind, reason, count(*)::int FROM case_summary c, unnest(c.too_early) reason WHERE {where} AND {TooEarly} GROUP BY 2
            UNION ALL
            SELECT 'late', reason, count(*)::int FROM case_summary c, unnest(c.too_late) reason WHERE {where} AND {TooLate} GROUP BY 2
            """, parameters, cancellationToken: cancellationToken))).ToList();
        IReadOnlyList<ReasonCount> Reasons(string kind) =>
            reasons.Where(reason => reason.Kind == kind).Select(reason => new ReasonCount(reason.Reason, reason.Count)).OrderByDescending(reason => reason.Count).ToList();
        IReadOnlyList<CaseExample> Examples(string submittedBy, string source, string kind) =>
            examples[(submittedBy, source, kind)].Select(example => new CaseExample(example.Id, example.Key)).ToList();
        var totals = submitters.Count == 0 ? (All: 0L, AllEarly: 0L, AllLate: 0L) : (submitters[0].All, submitters[0].AllEarly, submitters[0].AllLate);
        return new TimingReport((int)totals.All, (int)totals.AllEarly, (int)totals.AllLate, Reasons("early"), Reasons("late"),
            submitters.Select(row => new SubmitterTiming(row.SubmittedBy, row.Source, row.Escalations, row.TooEarly, row.TooLate,
                Examples(row.SubmittedBy, row.Source, "early"), Examples(row.SubmittedBy, row.Source, "late"))).ToList());
    }

    private async Task<CsatScore> CsatScoreAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var row = (IDictionary<string, object?>)await Connection.QuerySingleAsync(new CommandDefinition($"""
            SELECT count(*)::int AS ratings, avg(r.score)::float8 AS average, (count(*) FILTER (WHERE r.score >= {CsatRules.SatisfiedFrom}))::float8 / nullif(count(*), 0) AS satisfied
            {RatingsIn(filter, parameters)}
            """, parameters, cancellationToken: cancellationToken));
        return new CsatScore((int)row["ratings"]!, row["average"] as double?, row["satisfied"] as double?);
    }

    public async Task<CsatReport> CsatAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var ratings = RatingsIn(filter, parameters);
        var distribution = (await Connection.QueryAsync<(int Score, int Count)>(new CommandDefinition(
            $"SELECT r.score, count(*)::int {ratings} GROUP BY 1", parameters, cancellationToken: cancellationToken))).ToDictionary(row => row.Score, row => row.Count);
        var comments = await Connection.QueryAsync<CsatComment>(new CommandDefinition($"""
            SELECT r.escalation_id AS escalationid, (SELECT k.key FROM case_summary k WHERE k.escalation_id = r.escalation_id) AS key, r.score, r.comment, r.rated_at AS ratedat
            {ratings} AND r.comment IS NOT NULL ORDER BY r.rated_at DESC LIMIT {ListLimit}
            """, parameters, cancellationToken: cancellationToken));
        var count = distribution.Values.Sum();
        var score = new CsatScore(count, count == 0 ? null : distribution.Sum(pair => pair.Key * pair.Value) / (double)count,
            count == 0 ? (double?)null : distribution.Where(pair => pair.Key >= CsatRules.SatisfiedFrom).Sum(pair => pair.Value) / (double)count);
        return new CsatReport(score, Enumerable.Range(1, 5).Select(value => distribution.GetValueOrDefault(value)).ToList(), comments.ToList());
    }

    /// <summary>The tenant's ratings given in the time range (alias r), of the cases the filter keeps: the case is looked up
    /// only when the filter narrows the cases, so the whole tenant's ratings are read from their index alone.</summary>
    private static string RatingsIn(InsightFilter filter, DynamicParameters parameters)
    {
        parameters.Add("tenant", filter.TenantId);
        parameters.Add("from", filter.From);
        parameters.Add("to", filter.To);
        var cases = filter.NarrowsCases
            ? $" AND EXISTS (SELECT 1 FROM case_summary c WHERE c.escalation_id = r.escalation_id AND {filter.Where(parameters, inRange: false)})"
            : "";
        return $"FROM csat_rating r WHERE r.tenant_id = @tenant AND r.rated_at >= @from AND r.rated_at < @to{cases}";
    }

    /// <summary>The cases behind a number (<see cref="CaseMetrics"/>), newest first, at most <see cref="MaxCases"/>.</summary>
    public async Task<CaseList> CasesAsync(InsightFilter filter, InsightSettings settings, string metric, CancellationToken cancellationToken)
    {
        var parameters = Parameters(settings);
        var (condition, inRange) = CaseMetrics.Condition(metric, parameters)!.Value;
        var where = filter.Where(parameters, inRange);
        var rows = (await Connection.QueryAsync<CaseItem, long, (CaseItem Item, long Total)>(new CommandDefinition($"""
            SELECT c.escalation_id AS id, c.key, c.title, c.status, c.severity, c.customer_name AS customername, c.team_name AS teamname,
                   c.submitted_at AS submittedat, c.handoffs_accepted AS handoffsaccepted, c.last_activity_at AS lastactivityat,
                   c.too_early AS tooearly, c.too_late AS toolate, count(*) OVER () AS total
            FROM case_summary c WHERE {where} AND {condition}
            ORDER BY c.submitted_at DESC LIMIT {MaxCases}
            """, parameters, cancellationToken: cancellationToken), (item, total) => (item, total), splitOn: "total")).ToList();
        return new CaseList(metric, rows.Count == 0 ? 0 : (int)rows[0].Total, rows.Select(row => row.Item).ToList());
    }

    /// <summary>One row of a statement on a pooled connection of its own (not the request's), so that it can run beside others.</summary>
    private async Task<IDictionary<string, object?>> RowAsync(Func<DynamicParameters, string> statement, InsightSettings settings, CancellationToken cancellationToken)
    {
        var parameters = Parameters(settings);
        var sql = statement(parameters);
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        return (IDictionary<string, object?>)await connection.QuerySingleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>How many cases of the groups of <see cref="GroupedByFlags"/> meet the condition.</summary>
    private static string Cases(string condition) => $"coalesce(sum(c.n) FILTER (WHERE {condition}), 0)::int";

    /// <summary>p50 and p90 from one sort (percentile_cont over an array of fractions), and how many cases have the time.</summary>
    private static string P(string column, string name) =>
        $"percentile_cont(array[0.5, 0.9]) WITHIN GROUP (ORDER BY c.{column}) AS {name}_p, count(c.{column})::int AS {name}_cases";

    private static Percentiles Percentile(IDictionary<string, object?> row, string name) =>
        row[$"{name}_p"] is double[] { Length: 2 } p ? new(p[0], p[1], (int)row[$"{name}_cases"]!) : new(null, null, (int)row[$"{name}_cases"]!);

    private static (string Key, string Label) GroupBy(string by) => by switch
    {
        "team" => ("coalesce(c.team_id, '')", "coalesce(c.team_name, 'no team yet')"),
        "issue-type" => ("c.issue_type", "c.issue_type"),
        "severity" => ("coalesce(c.severity, '')", "coalesce(c.severity, 'not triaged')"),
        "customer" => ("c.customer_id", "c.customer_name"),
        _ => ("'all'", "'all'"),
    };
}
