using EscalationPlatform.Contracts;
using Triage.Domain;

namespace Triage.UnitTests;

public sealed class WhatIfTests
{
    private static readonly EscalationMatrix Current = DefaultMatrix.Create();

    [Fact]
    public void Demoting_a_rule_moves_exactly_the_cases_it_decided_and_names_their_customers()
    {
        var cases = new[]
        {
            Case("ESC-1", Cases.Technical(ImpactScope.Team, workaround: false), "c-1", "Initech"),
            Case("ESC-2", Cases.Technical(ImpactScope.Team, workaround: false), "c-2", "Globex"),
            Case("ESC-3", Cases.Technical(ImpactScope.Team, workaround: false), "c-2", "Globex"),
            Case("ESC-4", Cases.Technical(ImpactScope.SingleUser, workaround: false), "c-1", "Initech"),
        };
        var draft = Demote("s2-team-blocked-no-workaround", Severity.S3);

        var result = WhatIf.Compare(Current, draft, cases);

        Assert.Equal(4, result.Cases);
        Assert.Equal(3, result.Changed);
        Assert.Equal([new SeverityMove(Severity.S2, Severity.S3, 3)], result.Moves);
        Assert.Equal([new AffectedCustomer("c-2", "Globex", 2), new AffectedCustomer("c-1", "Initech", 1)], result.Customers);
        Assert.Equal(["ESC-1", "ESC-2", "ESC-3"], result.Examples.Select(example => example.Key));
        var demoted = Assert.Single(result.Rules, rule => rule.Rule == "s2-team-blocked-no-workaround");
        Assert.Equal((3, 3), (demoted.FiresNow, demoted.FiresInDraft));
    }

    [Fact]
    public void A_draft_equal_to_the_matrix_in_force_changes_nothing()
    {
        var result = WhatIf.Compare(Current, Current, [Case("ESC-1", Cases.Technical(ImpactScope.Team, workaround: false), "c-1", "Initech")]);

        Assert.Equal((1, 0), (result.Cases, result.Changed));
        Assert.Empty(result.Moves);
        Assert.Empty(result.Customers);
    }

    [Fact]
    public void A_new_rule_is_counted_where_it_would_fire_and_raises_what_it_decides()
    {
        var draft = Current with
        {
            Rules = [.. Current.Rules, new MatrixRule("reports-are-critical", Severity.S1, "Reports down", new FactIn("productArea", ["reports"]))],
        };

        var result = WhatIf.Compare(Current, draft, [Case("ESC-1", Cases.Technical(), "c-1", "Initech")]);

        Assert.Equal([new SeverityMove(Severity.S4, Severity.S1, 1)], result.Moves);
        var added = Assert.Single(result.Rules, rule => rule.Rule == "reports-are-critical");
        Assert.Equal((0, 1), (added.FiresNow, added.FiresInDraft));
    }

    [Fact]
    public void No_cases_give_an_empty_result()
    {
        var result = WhatIf.Compare(Current, Demote("s4-otherwise", Severity.S3), []);

        Assert.Equal((0, 0), (result.Cases, result.Changed));
        Assert.Empty(result.Rules);
    }

    private static EscalationMatrix Demote(string ruleId, Severity to) =>
        Current with { Rules = [.. Current.Rules.Select(rule => rule.Id == ruleId ? rule with { Severity = to } : rule)] };

    private static WhatIfCase Case(string key, CaseFacts facts, string customerId, string customerName) =>
        new(Guid.NewGuid(), key, $"Case {key}", facts with { Customer = facts.Customer with { Id = customerId, Name = customerName } });
}
