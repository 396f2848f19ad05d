using EscalationPlatform.Contracts;
using Intake.Domain;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

public sealed class CaseFactsMergeTests
{
    [Fact]
    public void Lists_grow_without_repeats_and_values_given_replace_the_old_ones()
    {
        var context = Facts.Context with { ReproductionSteps = "open checkout", Currency = "EUR", LogLinks = ["https://logs/1"] };
        var added = new ContextFacts { ErrorMessages = ["E42", "E7"], LogLinks = ["https://logs/1", "https://logs/2"], ReproductionSteps = "pay with card" };

        var merged = CaseFactsMerge.Merge(context, added);

        Assert.Equal(["E42", "E7"], merged.ErrorMessages);
        Assert.Equal(["https://logs/1", "https://logs/2"], merged.LogLinks);
        Assert.Equal(["billing-api"], merged.AffectedServices);
        Assert.Equal("pay with card", merged.ReproductionSteps);
        Assert.Equal("EUR", merged.Currency);
    }

    [Fact]
    public void No_list_grows_past_its_limit()
    {
        var full = new ContextFacts { AccountIds = [.. Enumerable.Range(0, CaseFactsMerge.MaxItems).Select(index => $"a{index}")] };

        var merged = CaseFactsMerge.Merge(full, new ContextFacts { AccountIds = ["one more"] });

        Assert.Equal(CaseFactsMerge.MaxItems, merged.AccountIds.Count);
        Assert.DoesNotContain("one more", merged.AccountIds);
    }

    [Fact]
    public void Impact_given_replaces_what_it_names_and_keeps_the_rest()
    {
        var merged = CaseFactsMerge.Merge(new ImpactFacts { Scope = ImpactScope.Team, BusinessImpact = "orders lost" }, new ImpactFacts { AffectedCount = 40 });

        Assert.Equal(new ImpactFacts { Scope = ImpactScope.Team, AffectedCount = 40, BusinessImpact = "orders lost" }, merged);
    }

    [Fact]
    public void An_urgency_signal_given_as_false_clears_it_and_one_not_given_keeps_it()
    {
        var merged = CaseFactsMerge.Merge(new UrgencyFacts { Outage = true, DataExposure = true }, new UrgencySignals(Outage: false, PaymentAffected: true));

        Assert.Equal(new UrgencyFacts { Outage = false, DataExposure = true, PaymentAffected = true }, merged);
    }

    [Fact]
    public void Actions_taken_are_appended_in_order_and_parts_not_given_stay()
    {
        var merged = CaseFactsMerge.Merge(Facts, new FactsAdded(ActionsTaken: ["rolled back", "restarted the client"]));

        Assert.Equal(["restarted the client", "rolled back", "restarted the client"], merged.ActionsTaken);
        Assert.Same(Facts.Context, merged.Context);
        Assert.Same(Facts.Impact, merged.Impact);
        Assert.Same(Facts.Urgency, merged.Urgency);
    }

    [Fact]
    public void What_was_added_is_named_in_a_fixed_order()
    {
        Assert.Equal(["context", "impact", "urgency", "actions taken"],
            new FactsAdded(new ContextFacts(), new ImpactFacts(), new UrgencySignals(), []).Parts);
        Assert.Equal(["impact"], new FactsAdded(Impact: new ImpactFacts()).Parts);
    }
}
