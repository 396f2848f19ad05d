using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>The order in which an unanswered offer climbs: a policy's levels, again for each repeat, then the levels of
/// the policy it continues with, and so on (a chain that comes back to a policy it has already taken stops there).
/// The plan is laid out when the case is routed; each level's condition is judged when the offer reaches it.</summary>
public static class PolicyPlan
{
    /// <summary>The most levels a plan holds, whatever its policies say.</summary>
    public const int MaxLevels = 200;

    public static IReadOnlyList<PlannedLevel> Of(EscalationPolicy policy, Func<string, EscalationPolicy?> find)
    {
        var plan = new List<PlannedLevel>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var current = policy; current is not null && taken.Add(current.Id); current = current.ContinueWith is { } next ? find(next) : null)
        {
            for (var round = 0; round <= current.Repeats; round++)
            {
                plan.AddRange(current.Levels.Select(level => new PlannedLevel(level.Target, level.TargetId, level.Delay, level.When, current.Name, round)));
            }
        }

        return plan.Count > MaxLevels ? plan[..MaxLevels] : plan;
    }

    /// <summary>The index of the first level after <paramref name="after"/> (-1 for the first offer) whose condition
    /// holds for the case's severity at the team's local time; null at the top of the plan.</summary>
    public static int? Next(IReadOnlyList<PlannedLevel> plan, int after, Severity severity, DateTime teamLocal)
    {
        for (var index = Math.Max(after + 1, 0); index < plan.Count; index++)
        {
            if (plan[index].When.Holds(severity, teamLocal))
            {
                return index;
            }
        }

        return null;
    }

    /// <summary>How long the offer waits at a level: its own delay, or the severity's acknowledgement window.</summary>
    public static TimeSpan Delay(PlannedLevel level, TimeSpan severityWindow) => level.Delay ?? severityWindow;

    /// <summary>The step of the built-in ladder an offer made before plans were kept stands at.</summary>
    public static int StepOf(OfferLevel level) => level switch
    {
        OfferLevel.Backup => 1,
        OfferLevel.TeamLead => 2,
        _ => 0,
    };
}
