using EscalationPlatform.Contracts;

namespace Triage.Domain;

/// <summary>A case's facts as named values a rule can test: booleans, strings, numbers or nothing (unknown).
/// Sentiment is deliberately not among them: how loud a customer is never decides severity.</summary>
public sealed class FactSheet
{
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>
    {
        ["issueType"] = "technical, billing, legal, access, security or other",
        ["productArea"] = "the product area, as given",
        ["customer.tier"] = "standard, premium or strategic",
        ["customer.contractualSla"] = "true when the customer has a contractual SLA",
        ["impact.scope"] = "single-user, team, organisation or many-customers (unknown when not given)",
        ["impact.affectedCount"] = "how many are affected (unknown when not given)",
        ["urgency.workaroundAvailable"] = "true or false (unknown when not given)",
        ["urgency.outage"] = "true for an outage",
        ["urgency.securityExposure"] = "true for an active security incident",
        ["urgency.dataExposure"] = "true when data is exposed",
        ["urgency.complianceRisk"] = "true for a compliance risk",
        ["urgency.paymentAffected"] = "true when payments are affected",
        ["urgency.hoursToDeadline"] = "hours from submission to the deadline (unknown without one)",
    };

    private readonly IReadOnlyDictionary<string, object?> _values;

    private FactSheet(IReadOnlyDictionary<string, object?> values) => _values = values;

    public static FactSheet From(CaseFacts facts) => new(new Dictionary<string, object?>
    {
        ["issueType"] = Wire.Name(facts.IssueType),
        ["productArea"] = facts.ProductArea,
        ["customer.tier"] = Wire.Name(facts.Customer.Tier),
        ["customer.contractualSla"] = facts.Customer.ContractualSla,
        ["impact.scope"] = facts.Impact.Scope is { } scope ? Wire.Name(scope) : null,
        ["impact.affectedCount"] = facts.Impact.AffectedCount is { } count ? (double)count : null,
        ["urgency.workaroundAvailable"] = facts.Urgency.WorkaroundAvailable,
        ["urgency.outage"] = facts.Urgency.Outage,
        ["urgency.securityExposure"] = facts.Urgency.SecurityExposure,
        ["urgency.dataExposure"] = facts.Urgency.DataExposure,
        ["urgency.complianceRisk"] = facts.Urgency.ComplianceRisk,
        ["urgency.paymentAffected"] = facts.Urgency.PaymentAffected,
        ["urgency.hoursToDeadline"] = facts.Urgency.Deadline is { } deadline ? (deadline - facts.SubmittedAt).TotalHours : null,
    });

    public object? this[string fact] => _values.TryGetValue(fact, out var value) ? value : null;
}
