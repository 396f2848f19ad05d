using System.Globalization;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Insights.Domain;

namespace Insights.Api.Queries;

/// <summary>The Domain's definitions as SQL conditions on case_summary (alias c), so that a count and the cases behind
/// it agree with <see cref="CaseSummary"/> and <see cref="ClockResult"/>: breached, at risk, stalled, bouncing, and
/// the backlog's age buckets. Parameters they use: @now, @stallSeconds, @bounceAfter.</summary>
public static class CaseConditions
{
    public static readonly IReadOnlyDictionary<string, string> ClockColumns = new Dictionary<string, string>
    {
        ["first-response"] = "fr",
        ["customer-update"] = "upd",
        ["resolution"] = "res",
    };

    public static string Met(string clock) => $"c.{clock}_outcome = 'met'";

    public static string Breached(string clock) => $"(c.{clock}_outcome = 'breached' OR (c.{clock}_outcome = 'running' AND c.{clock}_due_at <= @now))";

    public static string AtRisk(string clock) =>
        $"(c.{clock}_outcome = 'running' AND c.{clock}_due_at > @now AND c.{clock}_target_seconds > 0 " +
        $"AND extract(epoch from c.{clock}_due_at - @now) <= c.{clock}_target_seconds * {ClockResult.AtRiskShareLeft.ToString(CultureInfo.InvariantCulture)})";

    public static readonly string Stalled =
        $"(c.status IN ({string.Join(", ", CaseSummary.StallStatuses.Select(status => $"'{KebabEnum<EscalationStatus>.Name(status)}'"))}) " +
        "AND extract(epoch from @now - c.last_activity_at) > coalesce(c.upd_target_seconds, @stallSeconds))";

    public const string Bouncing = "c.handoffs_accepted > @bounceAfter";

    public const string TooEarly = "cardinality(c.too_early) > 0";

    public const string TooLate = "cardinality(c.too_late) > 0";

    /// <summary>The backlog bucket of an open case, as <see cref="BacklogAges.Of"/> names it.</summary>
    public static readonly string AgeBucket =
        "CASE " + string.Concat(BacklogAges.Buckets.Select(bucket =>
            $"WHEN extract(epoch from @now - c.submitted_at) < {bucket.Under.TotalSeconds.ToString(CultureInfo.InvariantCulture)} THEN '{bucket.Name}' "))
        + $"ELSE '{BacklogAges.Oldest}' END";
}
