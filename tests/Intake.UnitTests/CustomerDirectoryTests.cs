using EscalationPlatform.Contracts;
using Intake.Domain;

namespace Intake.UnitTests;

public sealed class CustomerDirectoryTests
{
    private static readonly CustomerFacts Known = new()
    {
        Id = "cust-1",
        Name = "Acme GmbH",
        Tier = CustomerTier.Standard,
        ContractualSla = false,
        TimeZone = "Europe/Berlin",
        ContactEmail = "ops@acme.example",
    };

    private static readonly CustomerGiven Matching = new("cust-1", "Acme GmbH", CustomerTier.Standard, false, "Europe/Berlin", "ops@acme.example");

    [Fact]
    public void A_known_customers_facts_from_the_body_are_ignored_and_reported_and_the_directorys_are_taken()
    {
        var given = new CustomerGiven("cust-1", "Acme (VIP)", CustomerTier.Strategic, true, "Pacific/Auckland", "attacker@evil.example");

        var (customer, ignored) = CustomerDirectory.Decide(given, Known);

        Assert.Equal(Known, customer);
        Assert.Equal(
            ["customer.name", "customer.tier", "customer.contractualSla", "customer.timeZone", "customer.contactEmail"],
            ignored.Select(FieldOf));
        Assert.All(ignored, reason => Assert.EndsWith(": the customer directory's value is used", reason));
    }

    [Fact]
    public void A_known_customers_matching_facts_are_not_reported()
    {
        var (customer, ignored) = CustomerDirectory.Decide(Matching, Known);

        Assert.Equal(Known, customer);
        Assert.Empty(ignored);
    }

    [Fact]
    public void A_known_customer_named_by_id_only_is_not_reported()
    {
        var (customer, ignored) = CustomerDirectory.Decide(new CustomerGiven("cust-1", null, null, null, null, null), Known);

        Assert.Equal(Known, customer);
        Assert.Empty(ignored);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("tier")]
    [InlineData("contractualSla")]
    [InlineData("timeZone")]
    [InlineData("contactEmail")]
    public void Each_differing_fact_of_a_known_customer_is_reported_alone(string field)
    {
        var given = field switch
        {
            "name" => Matching with { Name = "acme gmbh" },
            "tier" => Matching with { Tier = CustomerTier.Premium },
            "contractualSla" => Matching with { ContractualSla = true },
            "timeZone" => Matching with { TimeZone = "Europe/Paris" },
            "contactEmail" => Matching with { ContactEmail = "OPS@acme.example" },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var (customer, ignored) = CustomerDirectory.Decide(given, Known);

        Assert.Equal(Known, customer);
        Assert.Equal([$"customer.{field}"], ignored.Select(FieldOf));
    }

    [Fact]
    public void A_contact_given_for_a_known_customer_without_one_is_reported()
    {
        var (_, ignored) = CustomerDirectory.Decide(Matching, Known with { ContactEmail = null });

        Assert.Equal(["customer.contactEmail"], ignored.Select(FieldOf));
    }

    [Fact]
    public void An_unknown_customers_contract_and_contact_are_dropped_and_reported_the_rest_is_kept()
    {
        var given = Matching with { Id = "cust-new", Tier = CustomerTier.Premium, ContractualSla = true };

        var (customer, ignored) = CustomerDirectory.Decide(given, known: null);

        Assert.Equal(new CustomerFacts { Id = "cust-new", Name = "Acme GmbH", Tier = CustomerTier.Premium, TimeZone = "Europe/Berlin" }, customer);
        Assert.Equal(["customer.contractualSla", "customer.contactEmail"], ignored.Select(FieldOf));
        Assert.All(ignored, reason => Assert.EndsWith(": an unknown customer has none", reason));
    }

    [Fact]
    public void An_unknown_customer_without_contract_or_contact_is_not_reported()
    {
        var given = new CustomerGiven("cust-new", "New Co", CustomerTier.Standard, null, "UTC", null);

        var (customer, ignored) = CustomerDirectory.Decide(given, known: null);

        Assert.Equal(new CustomerFacts { Id = "cust-new", Name = "New Co", Tier = CustomerTier.Standard, TimeZone = "UTC" }, customer);
        Assert.Empty(ignored);
    }

    private static string FieldOf(string reason) => reason[..reason.IndexOf(':', StringComparison.Ordinal)];
}
