using System.Text.RegularExpressions;
using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>A customer as a manager writes it (PUT /api/v1/escalations/customers/{id}); every field may be left out
/// and is then named by <see cref="CustomerProfiles.Check"/> when it is required.</summary>
public sealed record CustomerDraft(
    string? Name = null,
    string? Tier = null,
    bool? ContractualSla = null,
    string? TimeZone = null,
    IReadOnlyList<PersonDraft?>? Contacts = null,
    IReadOnlyList<PersonDraft?>? AccountTeam = null,
    string? Status = null,
    string? Id = null);

/// <summary>A contact at the customer, or a member of its account team at the tenant: "Kim Ito", "kim@acme.example", "IT lead".</summary>
public sealed record PersonDraft(string? Name = null, string? Email = null, string? Role = null);

public sealed record CustomerContact(string Name, string Email, string? Role);

public enum CustomerStatus
{
    Active,
    Churned,
}

/// <summary>A customer that passed every check. The first contact is the one the platform writes to.</summary>
public sealed record CustomerProfile(
    string Id, string Name, CustomerTier Tier, bool ContractualSla, string TimeZone, IReadOnlyList<CustomerContact> Contacts,
    IReadOnlyList<CustomerContact> AccountTeam, CustomerStatus Status)
{
    public string? ContactEmail => Contacts.Count > 0 ? Contacts[0].Email : null;
}

/// <summary>The rules a customer must meet: an id of letters, digits, dots, dashes and underscores; a name; a tier
/// (standard, premium, strategic); a known IANA time zone; contacts and account team members with a name and an
/// email address (at most <see cref="MaxPeople"/> each); a status (active when left out). Every failure is named by
/// its field, in words.</summary>
public static partial class CustomerProfiles
{
    public const int MaxPeople = 20;
    public const int MaxText = 200;

    public static (CustomerProfile? Customer, IReadOnlyList<(string Field, string Message)> Errors) Check(string customerId, CustomerDraft draft)
    {
        var errors = new List<(string, string)>();
        if (!Identifier().IsMatch(customerId))
        {
            errors.Add(("id", "1 to 64 letters, digits, dots, dashes and underscores, starting with a letter or digit"));
        }

        if (draft.Id is not null && draft.Id != customerId)
        {
            errors.Add(("id", $"the customer's id in the address, {customerId}, or left out"));
        }

        var name = Text(draft.Name, "name", errors);
        var tier = CustomerTier.Standard;
        if (draft.Tier is null || !Enum.TryParse(draft.Tier, ignoreCase: true, out tier) || int.TryParse(draft.Tier, out _))
        {
            errors.Add(("tier", "one of standard, premium, strategic"));
        }

        if (draft.TimeZone is not { Length: > 0 and <= 64 } zone || !ZoneName().IsMatch(zone)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) || !found.HasIanaId)
        {
            errors.Add(("timeZone", "an IANA time zone, such as Europe/Berlin or America/New_York"));
        }

        var status = CustomerStatus.Active;
        if (draft.Status is not null && (!Enum.TryParse(draft.Status, ignoreCase: true, out status) || int.TryParse(draft.Status, out _)))
        {
            errors.Add(("status", "active or churned"));
        }

        var contacts = People(draft.Contacts, "contacts", errors);
        var accountTeam = People(draft.AccountTeam, "accountTeam", errors);
        return errors.Count > 0
            ? (null, errors)
            : (new CustomerProfile(customerId, name!, tier, draft.ContractualSla ?? false, draft.TimeZone!, contacts, accountTeam, status), []);
    }

    private static List<CustomerContact> People(IReadOnlyList<PersonDraft?>? drafts, string field, List<(string, string)> errors)
    {
        var people = new List<CustomerContact>();
        if (drafts is { Count: > MaxPeople })
        {
            errors.Add((field, $"at most {MaxPeople} people"));
            return people;
        }

        foreach (var (person, index) in (drafts ?? []).Select((person, index) => (person, index)))
        {
            var path = $"{field}[{index}]";
            var before = errors.Count;
            var name = Text(person?.Name, $"{path}.name", errors);
            if (person?.Email is not { Length: > 0 and <= MaxText } email || !Email().IsMatch(email))
            {
                errors.Add(($"{path}.email", "an email address, such as kim@example.com"));
            }

            if (person?.Role is { Length: > MaxText })
            {
                errors.Add(($"{path}.role", $"at most {MaxText} characters"));
            }

            if (errors.Count == before)
            {
                people.Add(new CustomerContact(name!, person!.Email!.Trim(), string.IsNullOrWhiteSpace(person.Role) ? null : person.Role.Trim()));
            }
        }

        return people;
    }

    private static string? Text(string? value, string field, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxText)
        {
            errors.Add((field, $"required, 1 to {MaxText} characters"));
            return null;
        }

        return value.Trim();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    public static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
