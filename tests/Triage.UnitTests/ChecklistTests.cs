using EscalationPlatform.Contracts;
using Triage.Domain;

namespace Triage.UnitTests;

public sealed class ChecklistTests
{
    private static readonly ContextFacts Nothing = new();

    [Theory]
    [InlineData(IssueType.Technical, new[] { "error-or-logs", "reproduction-steps", "affected-service", "first-seen" })]
    [InlineData(IssueType.Access, new[] { "account-id", "attempted", "error", "mfa-involved" })]
    [InlineData(IssueType.Billing, new[] { "account-id", "invoice-or-transaction", "amount" })]
    [InlineData(IssueType.Security, new[] { "affected-accounts", "observed", "detected-at" })]
    [InlineData(IssueType.Legal, new[] { "deadline", "counterparty-or-document" })]
    [InlineData(IssueType.Other, new string[0])]
    public void Each_issue_type_asks_for_its_own_facts(IssueType issueType, string[] expected)
    {
        var missing = ContextChecklist.Default.Missing(Cases.Technical(issueType: issueType, context: _ => Nothing));

        Assert.Equal(expected, missing.Select(fact => fact.Id));
    }

    [Theory]
    [InlineData(IssueType.Technical)]
    [InlineData(IssueType.Access)]
    [InlineData(IssueType.Billing)]
    [InlineData(IssueType.Security)]
    [InlineData(IssueType.Legal)]
    [InlineData(IssueType.Other)]
    public void The_checklist_of_a_type_is_what_a_case_of_that_type_with_no_facts_misses(IssueType issueType)
    {
        var empty = Cases.Technical(issueType: issueType, scope: null, context: _ => Nothing);

        Assert.Equal(ContextChecklist.Default.Missing(empty), ContextChecklist.Default.For(issueType).Select(item => new MissingFact(item.Id, item.Description)));
    }

    [Fact]
    public void A_technical_case_without_a_scope_asks_for_it()
    {
        Assert.Equal(["impact-scope"], ContextChecklist.Default.Missing(Cases.Technical(scope: null)).Select(fact => fact.Id));
    }

    [Fact]
    public void Logs_stand_in_for_an_error_message()
    {
        var withLogs = Cases.Technical(context: context => context with { ErrorMessages = [], LogLinks = ["https://logs.example/123"] });

        Assert.Empty(ContextChecklist.Default.Missing(withLogs));
    }

    [Fact]
    public void A_complete_case_is_triaged()
    {
        var result = Assessor.Assess(DefaultMatrix.Create(), ContextChecklist.Default, Cases.Technical(workaround: false));

        Assert.Equal(AssessmentOutcome.Triaged, result.Outcome);
        Assert.False(result.HandoffIncomplete);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void An_incomplete_case_below_S1_needs_information_and_says_which()
    {
        var result = Assessor.Assess(DefaultMatrix.Create(), ContextChecklist.Default, Cases.Technical(workaround: false, context: context => context with { ReproductionSteps = null }));

        Assert.Equal(AssessmentOutcome.NeedsInformation, result.Outcome);
        Assert.Equal(["reproduction-steps"], result.Missing.Select(fact => fact.Id));
    }

    [Fact]
    public void An_incomplete_S1_is_routed_at_once_flagged_handoff_incomplete()
    {
        var result = Assessor.Assess(DefaultMatrix.Create(), ContextChecklist.Default,
            Cases.Technical(issueType: IssueType.Security, urgency: u => u with { SecurityExposure = true }, context: _ => Nothing));

        Assert.Equal(Severity.S1, result.Severity);
        Assert.Equal(AssessmentOutcome.Triaged, result.Outcome);
        Assert.True(result.HandoffIncomplete);
        Assert.Equal(3, result.Missing.Count);
    }
}
