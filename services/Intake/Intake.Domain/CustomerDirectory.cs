using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>The customer facts a submission gives (everything but the id may be left out).</summary>
public sealed record CustomerGiven(string Id, string? Name, CustomerTier? Tier, bool? ContractualSla, string? TimeZone, string? ContactEmail);

/// <summary>The customer facts a submission may carry. For a customer the directory knows, only its id is taken:
/// name, tier, contract, time zone and contact are the directory's (a caller cannot make a standard customer
/// strategic, or point the customer's emails elsewhere). For an unknown customer the caller's name, tier and time zone
/// are all there is; it has no contract and no contact the platform would write to.</summary>
public static class CustomerDirectory
{
    /// <summary>The customer of the case, and each given fact that was not taken (as "customer.field: why").
    /// For an unknown customer, name, tier and time zone must have been given (the submission's validation says so).</summary>
    public static (CustomerFacts Customer, IReadOnlyList<string> Ignored) Decide(CustomerGiven given, CustomerFacts? known)
    {
        var ignored = new List<string>();
        void Unless(bool taken, string field, object? value)
        {
            if (!taken && value is not null)
            {
                ignored.Add($"customer.{field}: {(known is null ? "an unknown customer has none" : "the customer directory's value is used")}");
            }
        }

        if (known is null)
        {
            Unless(false, "contractualSla", given.ContractualSla);
            Unless(false, "contactEmail", given.ContactEmail);
            return (new CustomerFacts { Id = given.Id, Name = given.Name!, Tier = given.Tier!.Value, TimeZone = given.TimeZone! }, ignored);
        }

        Unless(given.Name == known.Name, "name", given.Name);
        Unless(given.Tier == known.Tier, "tier", given.Tier);
        Unless(given.ContractualSla == known.ContractualSla, "contractualSla", given.ContractualSla);
        Unless(given.TimeZone == known.TimeZone, "timeZone", given.TimeZone);
        Unless(given.ContactEmail == known.ContactEmail, "contactEmail", given.ContactEmail);
        return (known, ignored);
    }
}
