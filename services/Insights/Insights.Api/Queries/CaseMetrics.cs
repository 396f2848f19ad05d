using Dapper;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Insights.Domain;
using static Insights.Api.Queries.CaseConditions;

namespace Insights.Api.Queries;

/// <summary>The names of the numbers whose cases can be listed (GET /cases?metric=...), each the condition the number
/// counts, and whether it counts within the time range or what stands now.</summary>
public static class CaseMetrics
{
    public const string Allowed =
        "all, open, acknowledged, first-response, resolved, resolution-time, reopened, stalled, bouncing, too-early, too-late, rated, " +
        "met:{clock}, breached:{clock} or at-risk:{clock} (clock: first-response, customer-update, resolution), " +
        "too-early:{reason} or too-late:{reason}, backlog:{age} or backlog:{age}:{status}, handoffs-to:{team id}, status:{status}";

    /// <summary>The condition, or null for a name that is not one of <see cref="Allowed"/>.</summary>
    public static (string Condition, bool InRange)? Condition(string metric, DynamicParameters parameters)
    {
        var parts = metric.Split(':', 3);
        switch (parts)
        {
            case ["all"]: return ("TRUE", true);
            case ["open"]: return ("c.open", false);
            case ["acknowledged"]: return ("c.tta_seconds IS NOT NULL", true);
            case ["first-response"]: return ("c.ttfr_seconds IS NOT NULL", true);
            case ["resolved"]: return (EverResolved, true);
            case ["resolution-time"]: return ("c.ttr_seconds IS NOT NULL", true);
            case ["reopened"]: return (Reopened, true);
            case ["stalled"]: return ($"c.open AND {Stalled}", false);
            case ["bouncing"]: return (Bouncing, true);
            case ["too-early"]: return (TooEarly, true);
            case ["too-late"]: return (TooLate, true);
            case ["rated"]: return ("EXISTS (SELECT 1 FROM csat_rating r WHERE r.escalation_id = c.escalation_id)", true);
            case ["met", var clock] when ClockColumns.TryGetValue(clock, out var column): return (Met(column), true);
            case ["breached", var clock] when ClockColumns.TryGetValue(clock, out var column): return (Breached(column), true);
            case ["at-risk", var clock] when ClockColumns.TryGetValue(clock, out var column): return ($"c.open AND {AtRisk(column)}", false);
            case ["too-early", var reason] when reason.Length <= 40:
                parameters.Add("reason", reason);
                return ("@reason = ANY(c.too_early)", true);
            case ["too-late", var reason] when reason.Length <= 40:
                parameters.Add("reason", reason);
                return ("@reason = ANY(c.too_late)", true);
            case ["backlog", var age] when BacklogAges.IsBucket(age):
                parameters.Add("age", age);
                return ($"c.open AND {AgeBucket} = @age", false);
            case ["backlog", var age, var status] when BacklogAges.IsBucket(age) && KebabEnum<EscalationStatus>.TryParse(status, out _):
                parameters.Add("age", age);
                parameters.Add("status", status);
                return ($"c.open AND {AgeBucket} = @age AND c.status = @status", false);
            case ["handoffs-to", var team] when team.Length is > 0 and <= 300:
                parameters.Add("handoffTeam", team);
                return ("@handoffTeam = ANY(c.handoff_team_ids)", true);
            case ["status", var status] when KebabEnum<EscalationStatus>.TryParse(status, out var parsed):
                parameters.Add("status", KebabEnum<EscalationStatus>.Name(parsed));
                return ("c.status = @status", true);
            default: return null;
        }
    }
}
