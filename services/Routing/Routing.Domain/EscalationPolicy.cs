using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>When a policy level applies, judged when the offer reaches it: the case's severity is one of
/// <see cref="Severities"/>, the day in the team's time zone is one of <see cref="Days"/>, and the time of day is from
/// <see cref="From"/> up to <see cref="To"/> (a window from 18:00 to 08:00 runs over midnight). An empty list or a
/// missing bound does not restrict.</summary>
public sealed record LevelCondition(IReadOnlyList<Severity> Severities, IReadOnlyList<DayOfWeek> Days, TimeOnly? From, TimeOnly? To)
{
    public static readonly LevelCondition Always = new([], [], null, null);

    public bool Holds(Severity severity, DateTime teamLocal)
    {
        if (Severities.Count > 0 && !Severities.Contains(severity))
        {
            return false;
        }

        if (Days.Count > 0 && !Days.Contains(teamLocal.DayOfWeek))
        {
            return false;
        }

        if (From is not { } from || To is not { } to)
        {
            return true;
        }

        var time = TimeOnly.FromDateTime(teamLocal);
        return from < to ? time >= from && time < to : time >= from || time < to;
    }
}

/// <summary>A level of an escalation policy: whom to offer the case (<see cref="Target"/>, with
/// <see cref="TargetId"/> naming the person, schedule or team where the target needs one), how long to wait for an
/// acknowledgement there (<see cref="Delay"/>; null for the severity's acknowledgement window), and when the level
/// applies.</summary>
public sealed record PolicyLevel(OfferLevel Target, string? TargetId, TimeSpan? Delay, LevelCondition When);

/// <summary>An escalation policy (SPEC section 5): its levels in order, run <see cref="Repeats"/> more times when
/// nobody acknowledges, then, when <see cref="ContinueWith"/> names one, another policy; at its top leadership is told
/// and the case is flagged.</summary>
public sealed record EscalationPolicy(string Id, string Name, IReadOnlyList<PolicyLevel> Levels, int Repeats, string? ContinueWith)
{
    /// <summary>The id a tenant gives the policy its teams follow when they name none.</summary>
    public const string DefaultId = "default";

    /// <summary>The ladder every team follows until its tenant says otherwise: owner, backup, team lead, each with the
    /// severity's acknowledgement window.</summary>
    public static readonly EscalationPolicy BuiltIn = new(DefaultId, "Default", [
        new(OfferLevel.Owner, null, null, LevelCondition.Always),
        new(OfferLevel.Backup, null, null, LevelCondition.Always),
        new(OfferLevel.TeamLead, null, null, LevelCondition.Always),
    ], 0, null);
}

/// <summary>A level of an offer's plan: the policy's levels with their repeats, and the policies it continues with,
/// laid end to end when the case is routed (<see cref="PolicyPlan.Of"/>).</summary>
public sealed record PlannedLevel(OfferLevel Target, string? TargetId, TimeSpan? Delay, LevelCondition When, string Policy, int Round);
