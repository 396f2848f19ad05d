using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>A routing rule: every condition it names must match (an empty one matches anything).</summary>
public sealed record RoutingRule(
    string Name,
    string TeamId,
    IssueType? IssueType = null,
    Severity? Severity = null,
    string? ProductArea = null,
    CustomerTier? Tier = null,
    string? Tag = null)
{
    public bool Matches(CaseFacts facts, Severity severity) =>
        (IssueType is null || IssueType == facts.IssueType)
        && (Severity is null || Severity == severity)
        && (ProductArea is null || string.Equals(ProductArea, facts.ProductArea, StringComparison.OrdinalIgnoreCase))
        && (Tier is null || Tier == facts.Customer.Tier)
        && (Tag is null || facts.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase));
}

public sealed record TeamChoice(string TeamId, string Reason);

/// <summary>Rules in order, first match wins; otherwise the default team of the issue type.</summary>
public static class TeamSelection
{
    public static TeamChoice? Choose(IReadOnlyList<RoutingRule> rules, IReadOnlyDictionary<IssueType, string> defaultTeams, CaseFacts facts, Severity severity)
    {
        if (rules.FirstOrDefault(rule => rule.Matches(facts, severity)) is { } rule)
        {
            return new(rule.TeamId, $"routing rule '{rule.Name}'");
        }

        return defaultTeams.TryGetValue(facts.IssueType, out var team)
            ? new(team, $"default team for {facts.IssueType.ToString().ToLowerInvariant()} issues")
            : null;
    }
}
