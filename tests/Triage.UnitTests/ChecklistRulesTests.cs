using EscalationPlatform.Contracts;
using Triage.Domain;

namespace Triage.UnitTests;

public sealed class ChecklistRulesTests
{
    [Fact]
    public void The_default_checklists_are_valid_and_name_only_known_facts()
    {
        Assert.Empty(ChecklistRules.Check(ContextChecklist.Default));
    }

    [Fact]
    public void Unknown_facts_repeated_ids_and_items_without_facts_are_named_by_path()
    {
        var checklist = new ContextChecklist(new Dictionary<IssueType, IReadOnlyList<ChecklistItem>>
        {
            [IssueType.Billing] =
            [
                new("amount", "the amount", ["context.amount"]),
                new("amount", "the amount again", ["context.amount"]),
                new("vat", "the VAT number", ["context.vatNumber"]),
                new("nothing", "an item nobody can satisfy", []),
                new("Bad Id", "", ["context.amount"]),
            ],
        });

        var problems = ChecklistRules.Check(checklist).ToLookup(problem => problem.Field, problem => problem.Message);

        Assert.Contains("'amount' is used by an earlier item", Assert.Single(problems["issueTypes.billing[1].id"]), StringComparison.Ordinal);
        Assert.StartsWith("unknown fact 'context.vatNumber'", Assert.Single(problems["issueTypes.billing[2].anyOf"]), StringComparison.Ordinal);
        Assert.Contains("1 to 10 facts", Assert.Single(problems["issueTypes.billing[3].anyOf"]), StringComparison.Ordinal);
        Assert.Single(problems["issueTypes.billing[4].id"]);
        Assert.Single(problems["issueTypes.billing[4].description"]);
    }

    [Fact]
    public void A_tenants_own_item_asks_for_what_it_names_and_any_of_its_facts_satisfies_it()
    {
        var checklist = new ContextChecklist(new Dictionary<IssueType, IReadOnlyList<ChecklistItem>>
        {
            [IssueType.Technical] = [new("evidence", "a screenshot or logs", ["context.screenshotLinks", "context.logLinks"])],
        });

        var without = Cases.Technical(context: context => context with { ScreenshotLinks = [], LogLinks = [] });
        var withScreenshot = Cases.Technical(context: context => context with { ScreenshotLinks = ["https://files.example/1.png"] });

        Assert.Equal(["evidence"], checklist.Missing(without).Select(fact => fact.Id));
        Assert.Empty(checklist.Missing(withScreenshot));
        Assert.Empty(checklist.Missing(Cases.Technical(issueType: IssueType.Billing)));
    }
}
