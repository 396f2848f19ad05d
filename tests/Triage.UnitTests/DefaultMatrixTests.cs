using EscalationPlatform.Contracts;
using Triage.Domain;

namespace Triage.UnitTests;

public sealed class DefaultMatrixTests
{
    private static readonly EscalationMatrix Matrix = DefaultMatrix.Create();

    private static MatrixDecision Decide(CaseFacts facts) => Matrix.Evaluate(FactSheet.From(facts));

    public static TheoryData<string, CaseFacts, Severity> EveryRule => new()
    {
        { "s1-outage-no-workaround", Cases.Technical(ImpactScope.Team, workaround: false, urgency: u => u with { Outage = true }), Severity.S1 },
        { "s1-outage-no-workaround", Cases.Technical(ImpactScope.ManyCustomers, workaround: null), Severity.S1 },
        { "s1-security-or-data-exposure", Cases.Technical(urgency: u => u with { SecurityExposure = true }), Severity.S1 },
        { "s1-security-or-data-exposure", Cases.Technical(urgency: u => u with { DataExposure = true }), Severity.S1 },
        { "s1-strategic-customer-fully-blocked", Cases.Technical(ImpactScope.Organisation, workaround: false, tier: CustomerTier.Strategic), Severity.S1 },
        { "s2-team-blocked-no-workaround", Cases.Technical(ImpactScope.Team, workaround: false), Severity.S2 },
        { "s2-billing-affects-payment", Cases.Technical(issueType: IssueType.Billing, urgency: u => u with { PaymentAffected = true }), Severity.S2 },
        { "s2-legal-or-compliance-deadline-within-48h", Cases.Technical(issueType: IssueType.Legal, urgency: u => u with { Deadline = Cases.Submitted.AddHours(30) }), Severity.S2 },
        { "s2-legal-or-compliance-deadline-within-48h", Cases.Technical(urgency: u => u with { ComplianceRisk = true, Deadline = Cases.Submitted.AddHours(47) }), Severity.S2 },
        { "s2-premium-or-strategic-customer-blocked", Cases.Technical(workaround: false, tier: CustomerTier.Premium), Severity.S2 },
        { "s3-single-user-blocked", Cases.Technical(workaround: false), Severity.S3 },
        { "s3-team-degraded-with-workaround", Cases.Technical(ImpactScope.Team, workaround: true), Severity.S3 },
        { "s4-single-user-with-workaround", Cases.Technical(workaround: true), Severity.S4 },
        { "s4-otherwise", Cases.Technical(scope: null, workaround: null, issueType: IssueType.Other), Severity.S4 },
    };

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void Every_default_rule_fires_on_the_case_it_describes_and_decides_its_severity(string rule, CaseFacts facts, Severity expected)
    {
        var decision = Decide(facts);

        Assert.Contains(decision.Fired, fired => fired.Id == rule);
        Assert.Equal(expected, decision.Severity);
    }

    [Fact]
    public void Every_rule_of_the_default_matrix_is_covered_by_a_case()
    {
        var covered = EveryRule.Select(row => row.Data.Item1).ToHashSet();

        Assert.Equal(Matrix.Rules.Select(rule => rule.Id).Order(), covered.Order());
    }

    [Fact]
    public void The_most_severe_fired_rule_decides_and_every_fired_rule_is_listed()
    {
        var decision = Decide(Cases.Technical(ImpactScope.Organisation, workaround: false, tier: CustomerTier.Strategic,
            urgency: u => u with { SecurityExposure = true }));

        Assert.Equal(Severity.S1, decision.Severity);
        Assert.Equal(
            ["s1-security-or-data-exposure", "s1-strategic-customer-fully-blocked", "s2-premium-or-strategic-customer-blocked", "s2-team-blocked-no-workaround", "s4-otherwise"],
            decision.Fired.Select(rule => rule.Id).Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Sentiment.Calm)]
    [InlineData(Sentiment.Concerned)]
    [InlineData(Sentiment.Frustrated)]
    [InlineData(Sentiment.Angry)]
    public void Sentiment_never_raises_severity(Sentiment? sentiment)
    {
        CaseFacts[] cases =
        [
            Cases.Technical(workaround: true, sentiment: sentiment),
            Cases.Technical(workaround: false, sentiment: sentiment),
            Cases.Technical(ImpactScope.Team, workaround: true, sentiment: sentiment),
            Cases.Technical(scope: null, workaround: null, issueType: IssueType.Other, sentiment: sentiment),
        ];

        Assert.Equal([Severity.S4, Severity.S3, Severity.S3, Severity.S4], cases.Select(facts => Decide(facts).Severity));
    }

    [Fact]
    public void Urgency_without_impact_does_not_raise_severity()
    {
        var demanding = Cases.Technical(workaround: true, tier: CustomerTier.Premium,
            urgency: u => u with { Deadline = Cases.Submitted.AddHours(2) });

        Assert.Equal(Severity.S4, Decide(demanding).Severity);
    }

    [Fact]
    public void A_deadline_further_than_48_hours_away_does_not_raise_a_legal_case()
    {
        var legal = Cases.Technical(issueType: IssueType.Legal, urgency: u => u with { Deadline = Cases.Submitted.AddHours(49) });

        Assert.DoesNotContain(Decide(legal).Fired, rule => rule.Id == "s2-legal-or-compliance-deadline-within-48h");
    }

    [Fact]
    public void An_unknown_workaround_is_not_a_missing_one_for_a_single_user()
    {
        Assert.Equal(Severity.S4, Decide(Cases.Technical(workaround: null)).Severity);
    }

    [Fact]
    public void A_matrix_where_nothing_fires_falls_back_to_S4()
    {
        var empty = new EscalationMatrix(7, [new MatrixRule("never", Severity.S1, "never", new FactIs("urgency.outage", true))]);

        var decision = empty.Evaluate(FactSheet.From(Cases.Technical()));

        Assert.Equal(Severity.S4, decision.Severity);
        Assert.Empty(decision.Fired);
    }
}
