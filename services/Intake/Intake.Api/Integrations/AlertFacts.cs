using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Facts;

namespace Intake.Api.Integrations;

/// <summary>An alert's signal, in the terms triage decides on. Monitoring severities map onto urgency and impact
/// (critical: an outage with no workaround, S1; error: the organisation blocked, S2; warning: a team degraded with a
/// workaround, S3; info: S4), and the alert itself supplies the facts a technical case must carry: the error (its
/// summary), the affected service, when it was first seen and — since a monitor keeps seeing it — how it reproduces.</summary>
public sealed record AlertFacts(
    string Severity,
    string Summary,
    string Service,
    string? ProductArea,
    DateTimeOffset FirstSeen,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Links,
    IReadOnlyList<string> Tags,
    string? Details,
    string Source)
{
    public static readonly string[] Severities = ["critical", "error", "warning", "info"];

    public Submission.SubmitRequest ToRequest(string customerId, string? externalReference) => new()
    {
        Title = Summary.Length <= Submission.SubmitRequestValidation.MaxTitle ? Summary : Summary[..(Submission.SubmitRequestValidation.MaxTitle - 1)] + "…",
        Description = Details is null ? Summary : $"{Summary}\n\n{Details}",
        ExternalReference = externalReference is { Length: <= Submission.SubmitRequestValidation.MaxExternalReference } ? externalReference : null,
        IssueType = IssueType.Technical,
        ProductArea = ProductArea is { Length: <= CaseFactsInputs.MaxShortText } ? ProductArea : null,
        Customer = new CustomerInput { Id = customerId },
        Impact = new ImpactFacts
        {
            Scope = Severity switch { "critical" => ImpactScope.ManyCustomers, "error" => ImpactScope.Organisation, "warning" => ImpactScope.Team, _ => ImpactScope.SingleUser },
        },
        Urgency = new UrgencyInput { Outage = Severity == "critical", WorkaroundAvailable = Severity is "warning" or "info" },
        Context = new ContextInput
        {
            ErrorMessages = [.. Errors.Take(CaseFactsInputs.MaxItems).Select(error => Cut(error, CaseFactsInputs.MaxItemLength))],
            LogLinks = [.. Links.Where(link => link.Length <= CaseFactsInputs.MaxItemLength && FactChecks.IsWebLink(link)).Take(CaseFactsInputs.MaxItems)],
            AffectedServices = [Cut(Service, CaseFactsInputs.MaxShortText)],
            FirstSeenAt = FirstSeen,
            ReproductionSteps = $"Observed continuously by {Source}: the alert fires while the condition holds.",
        },
        Tags = [.. Tags.Select(tag => Cut(tag, CaseFactsInputs.MaxTagLength)).Distinct().Take(CaseFactsInputs.MaxTags)],
    };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
