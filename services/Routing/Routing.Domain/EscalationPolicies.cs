using System.Text.RegularExpressions;
using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>An escalation policy as a manager writes it (PUT /api/v1/routing/escalation-policies/{id}).</summary>
public sealed record PolicyDraft(string? Name = null, IReadOnlyList<PolicyLevelDraft?>? Levels = null, int? Repeats = null, string? ContinueWith = null, string? Id = null);

/// <summary>A level as written: target "schedule", id "database-on-call", delay "00:10:00", when { ... }.</summary>
public sealed record PolicyLevelDraft(string? Target = null, string? Id = null, TimeSpan? Delay = null, LevelConditionDraft? When = null);

/// <summary>When a level applies: severities ["S1", "S2"], days ["saturday", "sunday"], from "18:00", to "08:00".</summary>
public sealed record LevelConditionDraft(IReadOnlyList<string?>? Severities = null, IReadOnlyList<string?>? Days = null, string? From = null, string? To = null);

/// <summary>What a policy may name: the tenant's members, schedules and teams, and its other policies with the policy
/// each continues with (to find loops).</summary>
public sealed record PolicyReferences(IReadOnlySet<string> Members, IReadOnlySet<string> Schedules, IReadOnlySet<string> Teams, IReadOnlyDictionary<string, string?> Policies);

/// <summary>The rules of an escalation policy: a name; 1 to <see cref="MaxLevels"/> levels, each with a target the
/// platform knows, naming a member, schedule or team of the tenant where the target needs one (and nothing where it
/// does not), a delay of 1 second to 7 days when given, and conditions on severities, days and hours; 0 to
/// <see cref="MaxRepeats"/> repeats; and, when it continues with another policy, one that exists and does not lead back
/// to this one. Every failure is named by its field, in words.</summary>
public static partial class EscalationPolicies
{
    public const int MaxLevels = 20;
    public const int MaxRepeats = 5;
    public static readonly TimeSpan ShortestDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(7);

    private static readonly OfferLevel[] NamedTargets = [OfferLevel.Person, OfferLevel.Schedule, OfferLevel.OnCallManager, OfferLevel.Team];

    public static bool IsPolicyId(string text) => Identifier().IsMatch(text);

    /// <summary>A policy saved after its check, read back: what it names is taken as it was then (a level whose person,
    /// schedule or team has gone since is passed over when an offer reaches it).</summary>
    public static EscalationPolicy Read(string policyId, PolicyDraft draft)
    {
        var named = (draft.Levels ?? []).Select(level => level?.Id?.Trim()).OfType<string>().ToHashSet();
        var continued = string.IsNullOrWhiteSpace(draft.ContinueWith) ? [] : new Dictionary<string, string?> { [draft.ContinueWith.Trim()] = null };
        return Check(policyId, draft, new PolicyReferences(named, named, named, continued)).Policy
            ?? throw new InvalidOperationException($"The saved escalation policy {policyId} no longer passes its check.");
    }

    public static (EscalationPolicy? Policy, IReadOnlyList<(string Field, string Message)> Errors) Check(string policyId, PolicyDraft draft, PolicyReferences known)
    {
        var errors = new List<(string, string)>();
        if (!IsPolicyId(policyId))
        {
            errors.Add(("id", "1 to 63 lowercase letters, digits and dashes, starting with a letter or digit"));
        }

        if (draft.Id is not null && draft.Id != policyId)
        {
            errors.Add(("id", $"the policy's id in the address, {policyId}, or left out"));
        }

        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
        {
            errors.Add(("name", "required, 1 to 200 characters"));
        }

        if (draft.Levels is not { Count: > 0 and <= MaxLevels })
        {
            errors.Add(("levels", $"1 to {MaxLevels} levels"));
        }

        var levels = (draft.Levels ?? []).Take(MaxLevels).Select((level, index) => Level(level, $"levels[{index}]", known, errors)).ToList();
        if (draft.Repeats is < 0 or > MaxRepeats)
        {
            errors.Add(("repeats", $"how many more times the levels run when nobody acknowledges: 0 to {MaxRepeats}"));
        }

        var continueWith = string.IsNullOrWhiteSpace(draft.ContinueWith) ? null : draft.ContinueWith.Trim();
        if (continueWith is not null && Loop(policyId, continueWith, known) is { } problem)
        {
            errors.Add(("continueWith", problem));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new EscalationPolicy(policyId, draft.Name!.Trim(), [.. levels.OfType<PolicyLevel>()], draft.Repeats ?? 0, continueWith), []);
    }

    /// <summary>Why continuing with <paramref name="next"/> is refused: an unknown policy, or a chain back to this one.</summary>
    private static string? Loop(string policyId, string next, PolicyReferences known)
    {
        var chain = new List<string> { policyId };
        for (var current = next; ; )
        {
            if (current == policyId)
            {
                return $"{string.Join(" > ", chain.Append(current))} is a loop: the case would be offered round it forever";
            }

            if (!known.Policies.TryGetValue(current, out var after))
            {
                return $"{current} is not one of the tenant's escalation policies";
            }

            chain.Add(current);
            if (after is null || chain.Count > known.Policies.Count + 1)
            {
                return null;
            }

            current = after;
        }
    }

    private static PolicyLevel? Level(PolicyLevelDraft? draft, string path, PolicyReferences known, List<(string, string)> errors)
    {
        var before = errors.Count;
        var named = string.IsNullOrWhiteSpace(draft?.Id) ? null : draft.Id.Trim();
        if (!WireNames<OfferLevel>.TryParse(draft?.Target, out var target))
        {
            errors.Add(($"{path}.target", $"one of {WireNames<OfferLevel>.All}"));
        }
        else if (!NamedTargets.Contains(target) && named is not null)
        {
            errors.Add(($"{path}.id", $"{WireNames<OfferLevel>.Name(target)} names nobody: leave id out"));
        }
        else if (NamedTargets.Contains(target) && Unknown(target, named, known) is { } unknown)
        {
            errors.Add(($"{path}.id", unknown));
        }

        if (draft?.Delay is { } delay && (delay < ShortestDelay || delay > LongestDelay))
        {
            errors.Add(($"{path}.delay", "how long to wait for an acknowledgement: 00:00:01 (one second) to 7.00:00:00 (7 days), or left out for the severity's window"));
        }

        var when = Condition(draft?.When, $"{path}.when", errors);
        return errors.Count > before ? null : new PolicyLevel(target, named, draft!.Delay, when!);
    }

    private static string? Unknown(OfferLevel target, string? id, PolicyReferences known) => target switch
    {
        OfferLevel.Person when id is null || !known.Members.Contains(id) => $"{id ?? "nobody"} is a member of none of the tenant's teams",
        OfferLevel.Schedule or OfferLevel.OnCallManager when id is null || !known.Schedules.Contains(id) => $"{id ?? "nothing"} is not one of the tenant's on-call schedules",
        OfferLevel.Team when id is null || !known.Teams.Contains(id) => $"{id ?? "nothing"} is not one of the tenant's teams",
        _ => null,
    };

    private static LevelCondition? Condition(LevelConditionDraft? draft, string path, List<(string, string)> errors)
    {
        if (draft is null)
        {
            return LevelCondition.Always;
        }

        var before = errors.Count;
        var severities = (draft.Severities ?? []).Select(name => Enum.TryParse<Severity>(name, ignoreCase: false, out var severity) && name!.StartsWith('S') ? severity : (Severity?)null).ToList();
        if (severities.Contains(null) || severities.Count > 4)
        {
            errors.Add(($"{path}.severities", "some of S1, S2, S3 and S4, or left out for every severity"));
        }

        var days = (draft.Days ?? []).Select(day => Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var weekday) && !int.TryParse(day, out _) ? weekday : (DayOfWeek?)null).ToList();
        if (days.Contains(null) || days.Count > 7)
        {
            errors.Add(($"{path}.days", "some of monday, tuesday, wednesday, thursday, friday, saturday and sunday, or left out for every day"));
        }

        TimeOnly? from = null, to = null;
        if (draft.From is not null || draft.To is not null)
        {
            if (!TimeOnly.TryParseExact(draft.From, "HH:mm", out var start) || !TimeOnly.TryParseExact(draft.To, "HH:mm", out var end) || start == end)
            {
                errors.Add(($"{path}.to", "from and to as hours and minutes in the team's time zone, such as 18:00 and 08:00 (over midnight), different from each other; or both left out"));
            }
            else
            {
                (from, to) = (start, end);
            }
        }

        return errors.Count > before ? null : new LevelCondition([.. severities.OfType<Severity>().Distinct()], [.. days.OfType<DayOfWeek>().Distinct()], from, to);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Identifier();
}
