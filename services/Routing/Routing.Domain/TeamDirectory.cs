using System.Text.RegularExpressions;
using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>A team as a manager writes it (PUT /api/v1/routing/teams/{id}): every field as given, checked by
/// <see cref="TeamDirectory.Check"/> before anything is saved. Every field may be left out (and is then named by the check when it is required).</summary>
public sealed record TeamDraft(
    string? Name = null,
    string? TimeZone = null,
    string? LeadMemberId = null,
    IReadOnlyList<string?>? DefaultFor = null,
    IReadOnlyList<MemberDraft?>? Members = null,
    string? Id = null,
    string? Strategy = null,
    string? OnCallScheduleId = null,
    string? EscalationPolicyId = null);

/// <summary>A member as written: <see cref="Capacity"/> null means no limit.</summary>
public sealed record MemberDraft(
    string? Id = null,
    string? Name = null,
    string? Email = null,
    string? TimeZone = null,
    int? Capacity = null,
    bool? Available = null,
    IReadOnlyList<string?>? Skills = null,
    IReadOnlyList<WorkingHoursDraft?>? WorkingHours = null);

/// <summary>One working day: "monday", "09:00", "17:00" in the member's time zone.</summary>
public sealed record WorkingHoursDraft(string? Day = null, string? Opens = null, string? Closes = null);

/// <summary>A team that passed every check.</summary>
public sealed record TeamSpec(
    string Id, string Name, string TimeZone, string LeadMemberId, IReadOnlyList<IssueType> DefaultFor, IReadOnlyList<MemberSpec> Members,
    AssignmentStrategy Strategy = AssignmentStrategy.RoundRobin,
    string? OnCallScheduleId = null,
    string? EscalationPolicyId = null);

/// <summary>A member that passed every check; <see cref="Capacity"/> null means no limit.</summary>
public sealed record MemberSpec(
    string Id, string Name, string Email, string TimeZone, int? Capacity, bool Available, IReadOnlyList<string> Skills,
    IReadOnlyList<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> WorkingHours);

/// <summary>The rules a team must meet: an id of lowercase letters, digits and dashes; a name; a known IANA time zone
/// (the team's and each member's); an assignment strategy (round-robin when left out); a lead who is one of its members; the issue types it takes by default, each once;
/// members with unique ids, a name, an email address, a capacity of at least 1 (or none: no limit), working days each
/// named once and opening before they close, and at most <see cref="MaxSkills"/> skills. Every failure is named by the
/// field it is about, in words.</summary>
public static partial class TeamDirectory
{
    public const int MaxMembers = 200;
    public const int MaxCapacity = 1_000;
    public const int MaxSkills = 50;
    public const int MaxText = 200;

    public static (TeamSpec? Team, IReadOnlyList<(string Field, string Message)> Errors) Check(string teamId, TeamDraft draft)
    {
        var errors = new List<(string, string)>();
        if (!Identifier().IsMatch(teamId))
        {
            errors.Add(("id", "1 to 63 lowercase letters, digits and dashes, starting with a letter or digit"));
        }

        if (draft.Id is not null && draft.Id != teamId)
        {
            errors.Add(("id", $"the team's id in the address, {teamId}, or left out: a team is renamed by its name, not its id"));
        }

        var name = Text(draft.Name, "name", errors);
        var timeZone = Zone(draft.TimeZone, "timeZone", errors);
        var strategy = AssignmentStrategy.RoundRobin;
        if (draft.Strategy is not null && !WireNames<AssignmentStrategy>.TryParse(draft.Strategy, out strategy))
        {
            errors.Add(("strategy", $"one of {WireNames<AssignmentStrategy>.All}"));
        }

        var defaultFor = new List<IssueType>();
        foreach (var (type, index) in (draft.DefaultFor ?? []).Select((type, index) => (type, index)))
        {
            if (!WireNames<IssueType>.TryParse(type, out var issueType))
            {
                errors.Add(($"defaultFor[{index}]", $"one of {WireNames<IssueType>.All}"));
            }
            else if (defaultFor.Contains(issueType))
            {
                errors.Add(($"defaultFor[{index}]", $"{type} is named twice"));
            }
            else
            {
                defaultFor.Add(issueType);
            }
        }

        var members = new List<MemberSpec>();
        if (draft.Members is not { Count: > 0 and <= MaxMembers } drafts)
        {
            errors.Add(("members", $"1 to {MaxMembers} members"));
            drafts = [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (member, index) in drafts.Select((member, index) => (member, index)))
        {
            if (member is null)
            {
                errors.Add(($"members[{index}]", "a member (id, name, email, timeZone), not null"));
            }
            else if (member.Id is { } id && !seen.Add(id))
            {
                errors.Add(($"members[{index}].id", $"{id} is named twice"));
            }
            else if (Member(member, $"members[{index}]", errors) is { } spec)
            {
                members.Add(spec);
            }
        }

        if (string.IsNullOrWhiteSpace(draft.LeadMemberId))
        {
            errors.Add(("leadMemberId", "required: the id of one of the members"));
        }
        else if (drafts.Count > 0 && drafts.All(member => member?.Id != draft.LeadMemberId))
        {
            errors.Add(("leadMemberId", $"{draft.LeadMemberId} is not one of the team's members"));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new TeamSpec(teamId, name!, timeZone!, draft.LeadMemberId!, defaultFor, members, strategy,
                string.IsNullOrWhiteSpace(draft.OnCallScheduleId) ? null : draft.OnCallScheduleId.Trim(),
                string.IsNullOrWhiteSpace(draft.EscalationPolicyId) ? null : draft.EscalationPolicyId.Trim()), []);
    }

    /// <summary>Whether the text is a team's id as the directory allows it.</summary>
    public static bool IsTeamId(string text) => Identifier().IsMatch(text);

    private static MemberSpec? Member(MemberDraft draft, string path, List<(string, string)> errors)
    {
        var before = errors.Count;
        if (draft.Id is not { } id || !Identifier().IsMatch(id))
        {
            errors.Add(($"{path}.id", "1 to 63 lowercase letters, digits and dashes, starting with a letter or digit"));
        }

        var name = Text(draft.Name, $"{path}.name", errors);
        if (draft.Email is not { Length: > 0 and <= MaxText } email || !Email().IsMatch(email))
        {
            errors.Add(($"{path}.email", "an email address, such as ana@example.com"));
        }

        var timeZone = Zone(draft.TimeZone, $"{path}.timeZone", errors);
        if (draft.Capacity is < 1 or > MaxCapacity)
        {
            errors.Add(($"{path}.capacity", $"1 to {MaxCapacity} open escalations, or leave it out for no limit"));
        }

        var skills = draft.Skills ?? [];
        if (skills.Count > MaxSkills || skills.Any(skill => string.IsNullOrWhiteSpace(skill) || skill.Length > 50))
        {
            errors.Add(($"{path}.skills", $"at most {MaxSkills} skills, each 1 to 50 characters"));
        }

        var hours = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
        foreach (var (day, index) in (draft.WorkingHours ?? []).Select((day, index) => (day, index)))
        {
            var field = $"{path}.workingHours[{index}]";
            if (day is null)
            {
                errors.Add((field, "a day with opens and closes, not null"));
            }
            else if (!Enum.TryParse<DayOfWeek>(day.Day, ignoreCase: true, out var weekday) || int.TryParse(day.Day, out _))
            {
                errors.Add(($"{field}.day", "monday, tuesday, wednesday, thursday, friday, saturday or sunday"));
            }
            else if (hours.Any(other => other.Item1 == weekday))
            {
                errors.Add(($"{field}.day", $"{day.Day} is named twice"));
            }
            else if (!TimeOnly.TryParseExact(day.Opens, "HH:mm", out var opens) || !TimeOnly.TryParseExact(day.Closes, "HH:mm", out var closes))
            {
                errors.Add(($"{field}", "opens and closes as hours and minutes, such as 09:00 and 17:30"));
            }
            else if (opens >= closes)
            {
                errors.Add(($"{field}.closes", $"after the opening time ({day.Opens})"));
            }
            else
            {
                hours.Add((weekday, opens, closes));
            }
        }

        return errors.Count > before
            ? null
            : new MemberSpec(draft.Id!, name!, draft.Email!, timeZone!, draft.Capacity, draft.Available ?? true, [.. skills.Select(skill => skill!.Trim())], hours);
    }

    private static string? Text(string? value, string field, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxText)
        {
            errors.Add((field, $"required, 1 to {MaxText} characters"));
            return null;
        }

        return value.Trim();
    }

    private static string? Zone(string? value, string field, List<(string, string)> errors)
    {
        // The name is checked before the system is asked: a path ("/etc/localtime", "../x") is never a zone here.
        if (value is { Length: > 0 and <= 64 } && ZoneName().IsMatch(value) && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId)
        {
            return value;
        }

        errors.Add((field, "an IANA time zone, such as Europe/Berlin or America/New_York"));
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
