using System.Data;
using System.Globalization;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Paging;
using EscalationPlatform.Web.Validation;
using Intake.Api.Data;
using Intake.Api.Caching;
using Intake.Api.Commands;
using Intake.Api.Records;
using Intake.Domain;
using EscalationPlatform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Views;

/// <summary>The queue's query as the caller wrote it (GET /api/v1/escalations, or the gRPC List request), before it is
/// checked.</summary>
public sealed record EscalationListQuery(
    string? Status = null,
    string? Severity = null,
    string? IssueType = null,
    string? Team = null,
    string? Owner = null,
    string? Customer = null,
    bool? Breached = null,
    string? Cursor = null,
    string? OfferedTo = null,
    string? Tier = null,
    string? DueBefore = null);

/// <summary>The queue filters of GET /api/v1/escalations. <see cref="DueBefore"/> keeps the cases whose next action
/// (<see cref="NextActions"/>) falls due by then: the "breaching soon" queue.</summary>
public sealed record EscalationFilter(
    IReadOnlyList<EscalationStatus>? Statuses,
    IReadOnlyList<Severity>? Severities,
    IReadOnlyList<IssueType>? IssueTypes,
    string? Team,
    string? Owner,
    string? Customer,
    bool? Breached,
    string? OfferedTo = null,
    IReadOnlyList<CustomerTier>? Tiers = null,
    DateTimeOffset? DueBefore = null)
{
    /// <summary>The filters of <paramref name="query"/>; each bad one is named in <paramref name="errors"/>.</summary>
    public static (EscalationFilter Filter, Guid? After) Parse(EscalationListQuery query, ValidationErrors errors)
    {
        var filter = new EscalationFilter(
            KebabEnum<EscalationStatus>.ParseList(query.Status, "status", errors),
            KebabEnum<Severity>.ParseList(query.Severity, "severity", errors),
            KebabEnum<IssueType>.ParseList(query.IssueType, "issueType", errors),
            Id(query.Team, "team", errors),
            Id(query.Owner, "owner", errors),
            Id(query.Customer, "customer", errors),
            query.Breached,
            Id(query.OfferedTo, "offeredTo", errors),
            KebabEnum<CustomerTier>.ParseList(query.Tier, "tier", errors),
            Moment(query.DueBefore, "dueBefore", errors));
        Guid? after = null;
        if (query.Cursor is not null)
        {
            after = EscalationPlatform.Web.Paging.Cursor.TryDecode(query.Cursor, out var last) ? last : null;
            if (after is null)
            {
                errors.Add("cursor", "not a cursor this API gave out");
            }
        }

        return (filter, after);
    }

    private static string? Id(string? value, string field, ValidationErrors errors)
    {
        errors.Text(field, value, 200);
        return value;
    }

    private static DateTimeOffset? Moment(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }

        errors.Add(field, "a date and time in ISO 8601 (for example 2026-11-30T14:00:00Z)");
        return null;
    }
}

/// <summary>Reads records for the API, always within the caller's tenant (and, for a credential bound to a customer,
/// that customer's records only): one query per record or page, with the clocks sla announced to the record, unless
/// the read cache has what the database answered since the last change (<see cref="ReadCache"/>). Only the
/// detailed clock view (<see cref="ClocksAsync"/>) asks sla.</summary>
public sealed class EscalationQueries(IntakeDbContext db, SlaClocks clocks, ReadCache cache, TimeProvider time)
{
    /// <summary>A timeline longer than this is cut to its latest entries in the record view.</summary>
    public const int MaxTimelineEntries = 1_000;

    /// <summary>The record, then its latest timeline entries by their own index. (A filtered Include would number
    /// every timeline row of every record in a window function: a cost that grows with the whole table.)</summary>
    public async Task<EscalationView?> GetAsync(PlatformIdentity caller, Guid id, CancellationToken cancellationToken)
    {
        if (cache.TryGetRecord(id, out var cached))
        {
            // The cache holds any tenant's record by its id: the caller sees it only as the query below would let them.
            return CanSee(caller, cached.Record) ? EscalationViews.Full(cached.Record, cached.Timeline, time.GetUtcNow(), Callers.Of(caller)) : null;
        }

        var stamp = cache.BeginRecordRead(id);
        // Both reads from one snapshot: a change committing between them would otherwise show its timeline entry on the
        // record as it was before the change (and that pair would be cached).
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var record = await Visible(caller).FirstOrDefaultAsync(row => row.CorrelationId == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var timeline = await TimelineAsync(id, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        cache.PutRecord(stamp, record, timeline);
        return EscalationViews.Full(record, timeline, time.GetUtcNow(), Callers.Of(caller));
    }

    public async Task<(EscalationView View, string ETag)> ViewAsync(EscalationRecord record, Caller caller, CancellationToken cancellationToken) =>
        (EscalationViews.Full(record, await TimelineAsync(record.CorrelationId, cancellationToken), time.GetUtcNow(), caller), EscalationViews.ETag(record));

    /// <summary>The escalation's clocks as of now, from sla (degraded when sla cannot answer); null when the caller may
    /// not see the escalation.</summary>
    public async Task<SlaStatusView?> ClocksAsync(PlatformIdentity caller, Guid id, CancellationToken cancellationToken) =>
        await ExistsAsync(caller, id, cancellationToken) ? await clocks.ForAsync(caller.TenantId, id, cancellationToken) : null;

    /// <summary>Whether the caller may see the escalation at all (another tenant's or customer's: no).</summary>
    public Task<bool> ExistsAsync(PlatformIdentity caller, Guid id, CancellationToken cancellationToken) =>
        Visible(caller).AnyAsync(row => row.CorrelationId == id, cancellationToken);

    private static bool CanSee(PlatformIdentity caller, EscalationRecord record) =>
        string.Equals(record.TenantId, caller.TenantId, StringComparison.Ordinal)
        && (caller.CustomerId is not { } customer || string.Equals(record.CustomerId, customer, StringComparison.Ordinal));

    private IQueryable<EscalationRecord> Visible(PlatformIdentity caller)
    {
        var query = db.Escalations.AsNoTracking().Where(row => row.TenantId == caller.TenantId);
        return caller.CustomerId is { } customer ? query.Where(row => row.CustomerId == customer) : query;
    }

    public async Task<Page<EscalationSummary>> ListAsync(PlatformIdentity caller, EscalationFilter filter, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var key = ListKey.For(caller, filter, after, limit);
        IReadOnlyList<EscalationLine> lines;
        if (cache.TryGetPage(key, out var cached))
        {
            lines = cached.Lines;
        }
        else
        {
            var stamp = cache.BeginListRead(caller.TenantId);
            lines = await QueryAsync(caller, filter, after, limit, cancellationToken);
            cache.PutPage(stamp, key, lines);
        }

        var count = Math.Min(lines.Count, limit);
        var now = time.GetUtcNow();
        var items = new EscalationSummary[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = EscalationViews.Summary(lines[i], now);
        }

        return new Page<EscalationSummary>(items, lines.Count > limit ? Cursor.Encode(lines[count - 1].Id) : null);
    }

    /// <summary>The page's rows, and one more when there is a next page.</summary>
    private async Task<List<EscalationLine>> QueryAsync(PlatformIdentity caller, EscalationFilter filter, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var query = Visible(caller);
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            query = query.Where(row => statuses.Contains(row.Status));
        }

        if (filter.Severities is { Count: > 0 } severities)
        {
            var levels = severities.Select(severity => (Severity?)severity).ToList();
            query = query.Where(row => levels.Contains(row.Severity));
        }

        if (filter.IssueTypes is { Count: > 0 } issueTypes)
        {
            query = query.Where(row => issueTypes.Contains(row.IssueType));
        }

        if (filter.Team is { } team)
        {
            query = query.Where(row => row.TeamId == team);
        }

        if (filter.Owner is { } owner)
        {
            query = query.Where(row => row.OwnerId == owner);
        }

        if (filter.Customer is { } customer)
        {
            query = query.Where(row => row.CustomerId == customer);
        }

        if (filter.OfferedTo is { } offeree)
        {
            query = query.Where(row => row.OfferedToId == offeree);
        }

        if (filter.Tiers is { Count: > 0 } tiers)
        {
            query = query.Where(row => tiers.Contains(row.CustomerTier));
        }

        if (filter.DueBefore is { } dueBefore)
        {
            var by = dueBefore.UtcDateTime;
            query = query.Where(row => row.NextDueAt <= by);
        }

        if (filter.Breached is { } breached)
        {
            query = query.Where(row => row.Breached == breached);
        }

        if (after is { } last)
        {
            query = query.Where(row => row.CorrelationId.CompareTo(last) < 0);
        }

        return await query.OrderByDescending(row => row.CorrelationId).Take(limit + 1).Select(EscalationLine.Select).ToListAsync(cancellationToken);
    }

    private async Task<List<TimelineEntry>> TimelineAsync(Guid id, CancellationToken cancellationToken)
    {
        var latest = await db.Timeline.AsNoTracking().Where(entry => entry.EscalationId == id)
            .OrderByDescending(entry => entry.Id).Take(MaxTimelineEntries).ToListAsync(cancellationToken);
        latest.Reverse();
        return latest;
    }
}
