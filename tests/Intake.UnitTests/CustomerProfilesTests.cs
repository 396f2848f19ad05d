using EscalationPlatform.Contracts;
using Intake.Domain;

namespace Intake.UnitTests;

public sealed class CustomerProfilesTests
{
    private static readonly CustomerDraft Valid = new("Acme GmbH", "strategic", true, "Europe/Berlin",
        [new PersonDraft("Kim Ito", "kim@acme.example", "IT lead"), new PersonDraft("Lou", "lou@acme.example")],
        [new PersonDraft("Ava Account", "ava@support.example", "account manager")]);

    [Fact]
    public void A_valid_customer_becomes_its_profile_written_to_at_its_first_contact_and_active_unless_said_otherwise()
    {
        var (customer, errors) = CustomerProfiles.Check("acme", Valid);

        Assert.Empty(errors);
        Assert.Equal(("Acme GmbH", CustomerTier.Strategic, true, "Europe/Berlin", CustomerStatus.Active),
            (customer!.Name, customer.Tier, customer.ContractualSla, customer.TimeZone, customer.Status));
        Assert.Equal("kim@acme.example", customer.ContactEmail);
        Assert.Equal([new CustomerContact("Kim Ito", "kim@acme.example", "IT lead"), new CustomerContact("Lou", "lou@acme.example", null)], customer.Contacts);
        Assert.Equal(CustomerStatus.Churned, CustomerProfiles.Check("acme", Valid with { Status = "churned" }).Customer!.Status);
        Assert.Null(CustomerProfiles.Check("acme", Valid with { Contacts = [] }).Customer!.ContactEmail);
    }

    [Fact]
    public void Every_bad_field_is_named_with_what_is_allowed()
    {
        var (customer, errors) = CustomerProfiles.Check("bad id!", new CustomerDraft("", "gold", null, "Mars/Olympus",
            [new PersonDraft("Kim", "not-an-address")], [null], "paused"));

        Assert.Null(customer);
        Assert.Equal(["accountTeam[0].email", "accountTeam[0].name", "contacts[0].email", "id", "name", "status", "tier", "timeZone"],
            errors.Select(error => error.Field).Order());
        Assert.Equal("one of standard, premium, strategic", errors.Single(error => error.Field == "tier").Message);
        Assert.Equal("active or churned", errors.Single(error => error.Field == "status").Message);
    }

    [Fact]
    public void A_tier_given_as_a_number_is_not_a_tier()
    {
        Assert.Contains(CustomerProfiles.Check("acme", Valid with { Tier = "2" }).Errors, error => error.Field == "tier");
    }
}
