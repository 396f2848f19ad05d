using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Insights.Api.Queries;
using Insights.Api.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Insights.Api.Endpoints;

/// <summary>The insights (SPEC section 8), each with the filters of <see cref="FilterQuery"/>; a credential bound to a
/// customer sees that customer's only. Times are in seconds.</summary>
public static class InsightEndpoints
{
    private static readonly string[] Buckets = ["hour", "day", "week"];
    private static readonly string[] VolumeGroups = ["none", "team", "issue-type", "severity", "customer"];
    private static readonly string[] TrendGroups = ["issue-type", "product-area", "error-signature"];
    private static readonly string[] Periods = ["day", "week"];

    public static void Map(RouteGroupBuilder insights)
    {
        insights.MapGet("/summary", SummaryAsync)
            .WithSummary("The headline numbers: volume, MTTA, time to first response and resolution (p50/p90), reopen rate, SLA compliance per clock, stalled, bouncing, too early, too late, CSAT.");
        insights.MapGet("/volume", VolumeAsync).WithSummary("Escalations per hour, day or week (bucket), by team, issue-type, severity or customer (by).");
        insights.MapGet("/times", TimesAsync).WithSummary("MTTA, time to first response and to resolution (p50/p90) per hour, day or week (bucket).");
        insights.MapGet("/backlog", BacklogAsync).WithSummary("Open escalations now by age bucket and status (the time range does not apply).");
        insights.MapGet("/stalls", StallsAsync).WithSummary("Where cases stall: time per status, time per handoff, and the cases stalled now.");
        insights.MapGet("/bouncing", BouncingAsync).WithSummary("Cases handed to another team more than the tenant's bounceAfter times, and the teams that receive most handoffs.");
        insights.MapGet("/repeat-customers", RepeatCustomersAsync).WithSummary("Customers with at least the tenant's repeatEscalations within its window, up to the end of the range.");
        insights.MapGet("/trends", TrendsAsync).WithSummary("Categories (issue-type, product-area or error-signature) growing against their own baseline: the latest day or week against the four before.");
        insights.MapGet("/timing", TimingAsync).WithSummary("Escalation timing quality: too early and too late, with reasons, per submitting team or partner, with examples.");
        insights.MapGet("/csat", CsatAsync).WithSummary("Customer ratings given in the range: average, share satisfied (4 or 5), distribution and the latest comments.");
        insights.MapGet("/cases", CasesAsync).WithSummary("The cases behind a number (metric), newest first, at most 200, with the total.");
    }

    private static async Task<Results<Ok<InsightSummary>, ValidationProblem>> SummaryAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, TenantSettings settings, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithFilter(query, tenant, clock, new ValidationErrors(), async filter =>
            await insights.SummaryAsync(filter, await settings.ForAsync(tenant.TenantId, cancellationToken), cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<VolumePoint>>, ValidationProblem>> VolumeAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken,
        string bucket = "day", string by = "none")
    {
        var errors = new ValidationErrors();
        OneOf(errors, "bucket", bucket, Buckets);
        OneOf(errors, "by", by, VolumeGroups);
        return await WithFilter(query, tenant, clock, errors, filter => insights.VolumeAsync(filter, bucket, by, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<TimesPoint>>, ValidationProblem>> TimesAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken,
        string bucket = "day")
    {
        var errors = new ValidationErrors();
        OneOf(errors, "bucket", bucket, Buckets);
        return await WithFilter(query, tenant, clock, errors, filter => insights.TimesAsync(filter, bucket, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<BacklogCell>>, ValidationProblem>> BacklogAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithFilter(query, tenant, clock, new ValidationErrors(), filter => insights.BacklogAsync(filter, cancellationToken));

    private static async Task<Results<Ok<StallReport>, ValidationProblem>> StallsAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, TenantSettings settings, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithFilter(query, tenant, clock, new ValidationErrors(), async filter =>
            await insights.StallsAsync(filter, await settings.ForAsync(tenant.TenantId, cancellationToken), cancellationToken));

    private static async Task<Results<Ok<BounceReport>, ValidationProblem>> BouncingAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, TenantSettings settings, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithFilter(query, tenant, clock, new ValidationErrors(), async filter =>
            await insights.BouncesAsync(filter, await settings.ForAsync(tenant.TenantId, cancellationToken), cancellationToken));

    private static async Task<Results<Ok<RepeatReport>, ValidationProblem>> RepeatCustomersAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, TenantSettings settings, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithFilter(query, tenant, clock, new ValidationErrors(), async filter =>
            await insights.RepeatCustomersAsync(filter, await settings.ForAsync(tenant.TenantId, cancellationToken), cancellationToken));

    private static async Task<Results<Ok<TrendReport>, ValidationProblem>> TrendsAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken,
        string by = "issue-type", string period = "day")
    {
        var errors = new ValidationErrors();
        OneOf(errors, "by", by, TrendGroups);
        OneOf(errors, "period", period, Periods);
        return await WithFilter(query, tenant, clock, errors, filter => insights.TrendsAsync(filter, by, period, cancellationToken));
    }

    private static async Task<Results<Ok<TimingReport>, ValidationProblem>> TimingAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithFilter(query, tenant, clock, new ValidationErrors(), filter => insights.TimingAsync(filter, cancellationToken));

    private static async Task<Results<Ok<CsatReport>, ValidationProblem>> CsatAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithFilter(query, tenant, clock, new ValidationErrors(), filter => insights.CsatAsync(filter, cancellationToken));

    private static async Task<Results<Ok<CaseList>, ValidationProblem>> CasesAsync(
        [AsParameters] FilterQuery query, ITenantContext tenant, TenantSettings settings, InsightQueries insights, TimeProvider clock, CancellationToken cancellationToken,
        string metric = "all")
    {
        var errors = new ValidationErrors();
        if (metric.Length > 400 || metric.Any(char.IsControl) || CaseMetrics.Condition(metric, new Dapper.DynamicParameters()) is null)
        {
            errors.Add("metric", $"one of {CaseMetrics.Allowed}");
        }

        return await WithFilter(query, tenant, clock, errors, async filter =>
            await insights.CasesAsync(filter, await settings.ForAsync(tenant.TenantId, cancellationToken), metric, cancellationToken));
    }

    private static async Task<Results<Ok<T>, ValidationProblem>> WithFilter<T>(FilterQuery query, ITenantContext tenant, TimeProvider clock, ValidationErrors errors,
        Func<InsightFilter, Task<T>> answer)
    {
        var filter = InsightFilter.Parse(query, tenant.TenantId, tenant.CustomerId, clock.GetUtcNow(), errors);
        return filter is null || errors.Count > 0 ? errors.ToProblem() : TypedResults.Ok(await answer(filter));
    }

    private static void OneOf(ValidationErrors errors, string field, string value, string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(field, $"one of {string.Join(", ", allowed)}");
        }
    }
}
