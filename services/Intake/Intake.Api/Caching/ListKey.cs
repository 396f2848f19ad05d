using System.Text;
using EscalationPlatform.Web.Tenancy;
using Intake.Api.Views;

namespace Intake.Api.Caching;

/// <summary>Which queue page: the tenant, and in <see cref="Query"/> everything else that decides its rows (the
/// caller's customer restriction, the filters, the cursor and the limit), each part prefixed by its length so that
/// no two different queries share a key.</summary>
public sealed record ListKey(string Tenant, string Query)
{
    public static ListKey For(PlatformIdentity caller, EscalationFilter filter, Guid? after, int limit)
    {
        var query = new StringBuilder(128);
        Part(query, caller.CustomerId);
        Part(query, filter.Statuses is { } statuses ? string.Join(',', statuses) : null);
        Part(query, filter.Severities is { } severities ? string.Join(',', severities) : null);
        Part(query, filter.IssueTypes is { } issueTypes ? string.Join(',', issueTypes) : null);
        Part(query, filter.Team);
        Part(query, filter.Owner);
        Part(query, filter.Customer);
        Part(query, filter.Breached?.ToString());
        Part(query, filter.OfferedTo);
        Part(query, filter.Tiers is { } tiers ? string.Join(',', tiers) : null);
        Part(query, filter.DueBefore?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Part(query, after?.ToString("N"));
        Part(query, limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ListKey(caller.TenantId, query.ToString());
    }

    private static void Part(StringBuilder query, string? value) =>
        (value is null ? query.Append('-') : query.Append(value.Length).Append(':').Append(value)).Append('|');
}
