using System.Globalization;
using System.Text;
using Dapper;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;

namespace Insights.Api.Queries;

/// <summary>The filters every insight takes, as the query string gives them: a time range (from, to; the last 30 days by
/// default, at most 400 days), team, issue type, severity, customer, tier, submitter, product area and error signature.
/// Text values are checked against what they may be, and each problem names its field and what it allows.</summary>
public sealed record FilterQuery(
    string? From = null, string? To = null, string? Team = null, string? IssueType = null, string? Severity = null, string? Customer = null,
    string? Tier = null, string? SubmittedBy = null, string? ProductArea = null, string? Signature = null);

/// <summary>A checked <see cref="FilterQuery"/> for one tenant; a credential bound to a customer always has that customer.</summary>
public sealed record InsightFilter(
    string TenantId, DateTime From, DateTime To, string? Team, IssueType? IssueType, Severity? Severity, string? Customer, CustomerTier? Tier,
    string? SubmittedBy, string? ProductArea, string? Signature)
{
    public const int MaxDays = 400;
    public const int DefaultDays = 30;
    private const int MaxText = 300;

    public static InsightFilter? Parse(FilterQuery query, string tenantId, string? boundCustomer, DateTimeOffset now, ValidationErrors errors)
    {
        var to = Time(query.To, "to", errors) ?? now.UtcDateTime;
        var from = Time(query.From, "from", errors) ?? to.AddDays(-DefaultDays);
        if (from >= to)
        {
            errors.Add("from", "must be before to");
        }
        else if (to - from > TimeSpan.FromDays(MaxDays))
        {
            errors.Add("from", $"at most {MaxDays} days before to");
        }

        var issueType = Kebab<IssueType>(query.IssueType, "issueType", errors);
        var tier = Kebab<CustomerTier>(query.Tier, "tier", errors);
        Severity? severity = null;
        if (query.Severity is { } text)
        {
            if (Enum.TryParse<Severity>(text, ignoreCase: true, out var parsed) && text.Length == 2 && Enum.IsDefined(parsed))
            {
                severity = parsed;
            }
            else
            {
                errors.Add("severity", "one of S1, S2, S3, S4");
            }
        }

        foreach (var (field, value) in new[] { ("team", query.Team), ("customer", query.Customer), ("submittedBy", query.SubmittedBy),
                     ("productArea", query.ProductArea), ("signature", query.Signature) })
        {
            if (value is not null && (value.Length == 0 || value.Length > MaxText || value.Any(char.IsControl)))
            {
                errors.Add(field, $"1 to {MaxText} characters, without control characters");
            }
        }

        if (boundCustomer is not null && query.Customer is not null && query.Customer != boundCustomer)
        {
            errors.Add("customer", "this credential sees its own customer's escalations only");
        }

        return errors.Count > 0 ? null : new InsightFilter(tenantId, from, to, query.Team, issueType, severity, boundCustomer ?? query.Customer, tier,
            query.SubmittedBy, query.ProductArea, query.Signature);
    }

    /// <summary>Whether anything beyond the tenant and the time range narrows the cases.</summary>
    public bool NarrowsCases => Dimensions().Any(dimension => dimension.Value is not null);

    /// <summary>The SQL condition on case_summary (alias <paramref name="alias"/>) and its parameters: with the time range
    /// on submission, or without it (<paramref name="inRange"/> false) for what stands now (the backlog, stalls, risks).</summary>
    public string Where(DynamicParameters parameters, bool inRange = true, string alias = "c")
    {
        var where = new StringBuilder($"{alias}.tenant_id = @tenant");
        parameters.Add("tenant", TenantId);
        if (inRange)
        {
            where.Append($" AND {alias}.submitted_at >= @from AND {alias}.submitted_at < @to");
            parameters.Add("from", From);
            parameters.Add("to", To);
        }

        foreach (var (column, name, value) in Dimensions().Where(dimension => dimension.Value is not null))
        {
            where.Append($" AND {alias}.{column} = @{name}");
            parameters.Add(name, value);
        }

        return where.ToString();
    }

    /// <summary>Each filter beyond tenant and time: its case_summary column, its parameter, and its value (null: not set).</summary>
    private IEnumerable<(string Column, string Name, string? Value)> Dimensions() =>
    [
        ("team_id", "team", Team),
        ("issue_type", "issueType", IssueType is { } type ? KebabEnum<IssueType>.Name(type) : null),
        ("severity", "severity", Severity?.ToString()),
        ("customer_id", "customer", Customer),
        ("customer_tier", "tier", Tier is { } tier ? KebabEnum<CustomerTier>.Name(tier) : null),
        ("submitted_by", "submittedBy", SubmittedBy),
        ("product_area", "productArea", ProductArea),
        ("error_signature", "signature", Signature),
    ];

    private static DateTime? Time(string? text, string field, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year is >= 2000 and <= 2200)
        {
            return at.UtcDateTime;
        }

        errors.Add(field, "an ISO-8601 date or time, for example 2026-11-01 or 2026-11-01T08:00:00Z");
        return null;
    }

    public static TEnum? Kebab<TEnum>(string? text, string field, ValidationErrors errors) where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (KebabEnum<TEnum>.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"one of {KebabEnum<TEnum>.Names}");
        return null;
    }
}
