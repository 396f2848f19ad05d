using EscalationPlatform.Contracts;
using EscalationPlatform.Portal.Gateway;
using EscalationPlatform.Portal.Components.Shared;

namespace EscalationPlatform.Portal.Components.Pages;

/// <summary>What the agent fills in on the new-escalation page, and the API bodies made of it: the facts alone for
/// the triage preview, the facts with title and story for the submission. Empty fields are left out.</summary>
public sealed class NewCaseForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public IssueType IssueType { get; set; } = IssueType.Technical;
    public string? ProductArea { get; set; }

    /// <summary>The release or version of the product the customer runs: problems and changes are correlated by it.</summary>
    public string? Release { get; set; }
    public string? CustomerId { get; set; }
    public ImpactScope? Scope { get; set; }
    public int? AffectedCount { get; set; }
    public bool Outage { get; set; }
    public bool SecurityExposure { get; set; }
    public bool DataExposure { get; set; }
    public bool ComplianceRisk { get; set; }
    public bool PaymentAffected { get; set; }

    /// <summary>The checklist answers as typed, by the fact each answers ("context.errorMessages").</summary>
    public Dictionary<string, string?> Checklist { get; } = [];

    /// <summary>The facts; with the customer's directory entry for the triage preview, which does not look it up (a
    /// submission names the customer by id only: intake takes the rest from the directory).</summary>
    public Dictionary<string, object?> Facts(TimeZoneInfo zone, CustomerListItem? directoryEntry = null)
    {
        var urgency = new Dictionary<string, object?>
        {
            ["outage"] = Outage, ["securityExposure"] = SecurityExposure, ["dataExposure"] = DataExposure,
            ["complianceRisk"] = ComplianceRisk, ["paymentAffected"] = PaymentAffected,
        };
        var context = new Dictionary<string, object?>();
        ChecklistEditors.Apply(Checklist, zone, context, urgency);

        return new()
        {
            ["issueType"] = Labels.Kebab(IssueType),
            ["productArea"] = Blank(ProductArea),
            ["release"] = Blank(Release),
            ["customer"] = Blank(CustomerId) is not { } customer ? null
                : directoryEntry is { } entry ? new Dictionary<string, object?>
                {
                    ["id"] = entry.Id, ["name"] = entry.Name, ["tier"] = Labels.Kebab(entry.Tier), ["timeZone"] = entry.TimeZone,
                    ["contractualSla"] = entry.ContractualSla,
                }
                : new Dictionary<string, object?> { ["id"] = customer },
            ["impact"] = Scope is null && AffectedCount is null ? null : new Dictionary<string, object?>
            {
                ["scope"] = Scope is { } scope ? Labels.Kebab(scope) : null,
                ["affectedCount"] = AffectedCount,
            },
            ["urgency"] = urgency,
            ["context"] = context.Count > 0 ? context : null,
        };
    }

    public Dictionary<string, object?> Submission(TimeZoneInfo zone)
    {
        var body = Facts(zone);
        body["title"] = Blank(Title);
        body["description"] = Blank(Description);
        return body;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
