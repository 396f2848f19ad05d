using System.Globalization;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Insights.Api.History;
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

    private static readonly IReadOnlyDictionary<string, int> OutcomeShifts = new Dictionary<string, int>
    {
        ["fr"] = CaseFlags.FirstResponseShift,
        ["upd"] = CaseFlags.CustomerUpdateShift,
        ["res"] = CaseFlags.ResolutionShift,
    };

    /// <summary>The clock's outcome is <paramref name="outcome"/> (read from c.flags, see <see cref="CaseFlags"/>).</summary>
    public static string Outcome(string clock, ClockOutcome outcome) =>
        $"((c.flags >> {OutcomeShifts[clock]}) & {CaseFlags.OutcomeMask}) = {(int)outcome}";

    public static string Met(string clock) => Outcome(clock, ClockOutcome.Met);

    public static string Breached(string clock) => $"({Outcome(clock, ClockOutcome.Breached)} OR ({Outcome(clock, ClockOutcome.Running)} AND c.{clock}_due_at <= @now))";

    /// <summary><see cref="Breached"/> counted over cases grouped by flags (<see cref="GroupedByFlags"/>): the group's cases if
    /// sla said breached, its running clocks past due if running.</summary>
    public static string BreachedCount(string clock) =>
        $"sum(CASE WHEN {Outcome(clock, ClockOutcome.Breached)} THEN c.n WHEN {Outcome(clock, ClockOutcome.Running)} THEN c.{clock}_overdue ELSE 0 END)";

    /// <summary>The cases in <paramref name="where"/> grouped by flags and handoffs (a few hundred groups for any number of
    /// cases), as rows named like case_summary's so that the conditions here apply to them: c.flags, c.handoffs_accepted,
    /// c.n (cases), c.{clock}_overdue (of them, with the clock due by @now).</summary>
    public static string GroupedByFlags(string where) =>
        $"(SELECT c.flags, c.handoffs_accepted, count(*) AS n, " +
        string.Join(", ", ClockColumns.Values.Select(clock => $"count(*) FILTER (WHERE c.{clock}_due_at <= @now) AS {clock}_overdue")) +
        $" FROM case_summary c WHERE {where} GROUP BY c.flags, c.handoffs_accepted) c";

    public static string AtRisk(string clock) =>
        $"({Outcome(clock, ClockOutcome.Running)} AND c.{clock}_due_at > @now AND c.{clock}_target_seconds > 0 " +
        $"AND extract(epoch from c.{clock}_due_at - @now) <= c.{clock}_target_seconds * {ClockResult.AtRiskShareLeft.ToString(CultureInfo.InvariantCulture)})";

    public static readonly string Stalled =
        $"(c.status IN ({string.Join(", ", CaseSummary.StallStatuses.Select(status => $"'{KebabEnum<EscalationStatus>.Name(status)}'"))}) " +
        "AND extract(epoch from @now - c.last_activity_at) > coalesce(c.upd_target_seconds, @stallSeconds))";

    public const string Bouncing = "c.handoffs_accepted > @bounceAfter";

    public static readonly string EverResolved = $"(c.flags & {CaseFlags.EverResolved}) <> 0";

    public static readonly string Reopened = $"(c.flags & {CaseFlags.Reopened}) <> 0";

    /// <summary>Written as IX_case_summary_timing's filter is, so that the planner sees the index covers it.</summary>
    public static readonly string TooEarly = $"(c.flags & {CaseFlags.TooEarly}) <> 0";

    public static readonly string TooLate = $"(c.flags & {CaseFlags.TooLate}) <> 0";

    /// <summary>The backlog bucket of an open case, as <see cref="BacklogAges.Of"/> names it.</summary>
    public static readonly string AgeBucket =
        "CASE " + string.Concat(BacklogAges.Buckets.Select(bucket =>
            $"WHEN extract(epoch from @now - c.submitted_at) < {bucket.Under.TotalSeconds.ToString(CultureInfo.InvariantCulture)} THEN '{bucket.Name}' "))
        + $"ELSE '{BacklogAges.Oldest}' END";
}
