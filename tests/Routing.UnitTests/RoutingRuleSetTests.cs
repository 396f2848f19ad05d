using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class RoutingRuleSetTests
{
    private static readonly HashSet<string> Teams = ["billing", "support"];

    [Fact]
    public void Valid_rules_become_typed_rules_in_their_order()
    {
        var (rules, errors) = RoutingRuleSet.Check(
        [
            new("vip outages", "support", IssueType: "technical", Severity: "S1", Tier: "strategic"),
            new("invoices", "billing", ProductArea: "Invoices", Tag: "finance"),
            new("the rest", "support"),
        ], Teams);

        Assert.Empty(errors);
        Assert.Equal(
            [
                new RoutingRule("vip outages", "support", IssueType.Technical, Severity.S1, Tier: CustomerTier.Strategic),
                new RoutingRule("invoices", "billing", ProductArea: "Invoices", Tag: "finance"),
                new RoutingRule("the rest", "support"),
            ],
            rules);
    }

    [Fact]
    public void Every_bad_rule_is_named_and_nothing_is_returned()
    {
        var (rules, errors) = RoutingRuleSet.Check(
        [
            new("catch-all", "support"),
            new("CATCH-ALL", "gone", IssueType: "hardware", Severity: "s1", Tier: "gold"),
            null,
            new("", "billing", Tag: ""),
        ], Teams);

        Assert.Null(rules);
        var fields = errors.ToDictionary(error => error.Field, error => error.Message);
        Assert.Equal(["rules[0]", "rules[1].issueType", "rules[1].name", "rules[1].severity", "rules[1].teamId", "rules[1].tier", "rules[2]", "rules[3].name", "rules[3].tag"],
            fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("a rule without conditions matches every case: only the last rule may have none", fields["rules[0]"]);
        Assert.Equal("one of the tenant's teams: billing, support", fields["rules[1].teamId"]);
        Assert.Equal("S1, S2, S3 or S4", fields["rules[1].severity"]);
    }

    [Fact]
    public void A_tenant_without_teams_is_told_so_and_too_many_rules_are_refused()
    {
        Assert.Equal("the id of a team: this tenant has none yet",
            RoutingRuleSet.Check([new("first", "support", IssueType: "technical")], new HashSet<string>()).Errors.Single().Message);
        Assert.Equal("rules", Assert.Single(RoutingRuleSet.Check([.. Enumerable.Repeat<RoutingRuleDraft?>(new("x", "support"), 201)], Teams).Errors).Field);
    }
}
