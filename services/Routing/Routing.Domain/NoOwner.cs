using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>Why nobody can be offered an escalation, in words for the record, the team lead and leadership.</summary>
public static class NoOwner
{
    /// <summary>An owner and a distinct backup: the fewest members a team's rotation needs.</summary>
    public const int FewestMembers = 2;

    public static string NoTeam(IssueType issueType) =>
        $"no routing rule matches and no team takes {WireNames<IssueType>.Name(issueType)} issues";

    public static string UnknownTeam(TeamChoice choice) => $"the {choice.Reason} names team '{choice.TeamId}', which does not exist";

    public static string TooFewMembers(string teamName, int members) =>
        $"{teamName} has {members} member{(members == 1 ? "" : "s")} besides its lead to take turns; an owner and a distinct backup need {FewestMembers}";

    public static string TooFewAvailable(string teamName, int available) =>
        $"{teamName} has {available} member{(available == 1 ? "" : "s")} besides its lead who {(available == 1 ? "is" : "are")} not on leave; an owner and a distinct backup need {FewestMembers}";

    public static string NoSkills(string teamName, IReadOnlySet<string> requiredSkills) =>
        $"nobody available in {teamName} has any of the skills this case needs ({string.Join(", ", requiredSkills)})";
}
