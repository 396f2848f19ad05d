using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Facts;

namespace Web.UnitTests;

public sealed class CaseFactsInputsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static readonly CaseFactsInput Input = new()
    {
        IssueType = IssueType.Billing,
        Customer = new CustomerInput { Id = "cust-9", Name = "Nine Ltd", Tier = CustomerTier.Standard, TimeZone = "UTC" },
        Urgency = new UrgencyInput { PaymentAffected = true },
        Context = new ContextInput { ErrorMessages = ["E1", "E1", "E2"], InvoiceOrTransactionId = "INV-7" },
    };

    [Fact]
    public void The_facts_of_an_input_keep_each_list_item_once_and_leave_what_is_not_given_unknown()
    {
        var facts = CaseFactsInputs.ToFacts(Input, Now);

        Assert.Equal(["E1", "E2"], facts.Context.ErrorMessages);
        Assert.Equal("INV-7", facts.Context.InvoiceOrTransactionId);
        Assert.Empty(facts.Context.LogLinks);
        Assert.Equal(new UrgencyFacts { PaymentAffected = true }, facts.Urgency);
        Assert.Equal(new ImpactFacts(), facts.Impact);
        Assert.Equal(new CustomerFacts { Id = "cust-9", Name = "Nine Ltd", Tier = CustomerTier.Standard, TimeZone = "UTC" }, facts.Customer);
        Assert.Equal(Now, facts.SubmittedAt);
    }

    [Fact]
    public void A_customer_decided_elsewhere_replaces_the_inputs_customer()
    {
        var directory = new CustomerFacts { Id = "cust-9", Name = "Nine Limited", Tier = CustomerTier.Strategic, TimeZone = "Europe/London", ContractualSla = true };

        Assert.Same(directory, CaseFactsInputs.ToFacts(Input, Now, directory).Customer);
    }
}
