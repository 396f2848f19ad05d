using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>A routing rule as a manager writes it: a name, the team it sends cases to, and the conditions that must all
/// hold (one left out matches anything).</summary>
public sealed record RoutingRuleDraft(
    string? Name = null,
    string? TeamId = null,
    string? IssueType = null,
    string? Severity = null,
    string? ProductArea = null,
    string? Tier = null,
    string? Tag = null);

/// <summary>The tenant's routing rules in order, first match wins (<see cref="TeamSelection"/>): each needs a name of
/// its own and a team that exists; each condition is one of the platform's values. A rule without conditions matches
/// every case, so only the last rule may have none (any rule after it would never be reached).</summary>
public static class RoutingRuleSet
{
    public const int MaxRules = 200;

    public static (IReadOnlyList<RoutingRule>? Rules, IReadOnlyList<(string Field, string Message)> Errors) Check(
        IReadOnlyList<RoutingRuleDraft?>? drafts, IReadOnlySet<string> teams)
    {
        var errors = new List<(string, string)>();
        if (drafts is not { Count: <= MaxRules })
        {
            return (null, [("rules", $"a list of at most {MaxRules} rules")]);
        }

        var rules = new List<RoutingRule>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (draft, index) in drafts.Select((draft, index) => (draft, index)))
        {
            var path = $"rules[{index}]";
            if (draft is null)
            {
                errors.Add((path, "a rule (name, teamId and its conditions), not null"));
                continue;
            }

            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 100)
            {
                errors.Add(($"{path}.name", "required, 1 to 100 characters"));
            }
            else if (!names.Add(draft.Name.Trim()))
            {
                errors.Add(($"{path}.name", $"{draft.Name} is the name of an earlier rule"));
            }

            if (draft.TeamId is not { } team || !teams.Contains(team))
            {
                errors.Add(($"{path}.teamId", teams.Count == 0 ? "the id of a team: this tenant has none yet" : $"one of the tenant's teams: {string.Join(", ", teams.Order(StringComparer.Ordinal))}"));
            }

            var issueType = Value<IssueType>(draft.IssueType, $"{path}.issueType", errors);
            var severity = draft.Severity is null ? null : Enum.TryParse<Severity>(draft.Severity, out var level) && Enum.IsDefined(level) && draft.Severity.StartsWith('S')
                ? level : Refuse<Severity>($"{path}.severity", "S1, S2, S3 or S4", errors);
            var tier = Value<CustomerTier>(draft.Tier, $"{path}.tier", errors);
            Length(draft.ProductArea, $"{path}.productArea", errors);
            Length(draft.Tag, $"{path}.tag", errors);
            var unconditional = draft is { IssueType: null, Severity: null, Tier: null, ProductArea: null, Tag: null };
            if (unconditional && index < drafts.Count - 1)
            {
                errors.Add((path, "a rule without conditions matches every case: only the last rule may have none"));
            }

            if (errors.Count == before)
            {
                rules.Add(new RoutingRule(draft.Name!.Trim(), draft.TeamId!, issueType, severity, draft.ProductArea, tier, draft.Tag));
            }
        }

        return errors.Count > 0 ? (null, errors) : (rules, []);
    }

    private static T? Value<T>(string? text, string field, List<(string, string)> errors) where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        return WireNames<T>.TryParse(text, out var value) ? value : Refuse<T>(field, $"one of {WireNames<T>.All}", errors);
    }

    private static T? Refuse<T>(string field, string allowed, List<(string, string)> errors) where T : struct
    {
        errors.Add((field, allowed));
        return null;
    }

    private static void Length(string? text, string field, List<(string, string)> errors)
    {
        if (text is not null && (text.Length is 0 or > 100))
        {
            errors.Add((field, "1 to 100 characters, or left out"));
        }
    }
}
