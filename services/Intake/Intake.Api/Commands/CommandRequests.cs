using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Validation;
using Intake.Domain;

namespace Intake.Api.Commands;

/// <summary>An optional note on a command that needs nothing else (acknowledge, resume, confirm-closure).</summary>
public sealed record NoteRequest(string? Note = null);

/// <summary>A reason, required (wait-on-customer: what is awaited; reopen; cancel).</summary>
public sealed record ReasonRequest(string? Reason = null);

public sealed record ActionRequest(string? Description = null);

public sealed record CustomerUpdateRequest(string? Message = null);

public sealed record ContextRequest(
    ContextInput? Context = null, ImpactFacts? Impact = null, UrgencyInput? Urgency = null, IReadOnlyList<string>? ActionsTaken = null, string? Note = null)
{
    /// <summary>The facts it adds, in the Domain's terms.</summary>
    public FactsAdded Added() => new(
        Context is null ? null : CaseFactsInputs.ToFacts(Context),
        Impact,
        Urgency is null
            ? null
            : new UrgencySignals(Urgency.WorkaroundAvailable, Urgency.Deadline, Urgency.Outage, Urgency.SecurityExposure, Urgency.DataExposure,
                Urgency.ComplianceRisk, Urgency.PaymentAffected),
        ActionsTaken);
}

/// <summary>The new severity and why (POST .../severity).</summary>
public sealed record SeverityRequest(Severity? Severity = null, string? Reason = null);

public sealed record ResolveRequest(ResolutionKind? Kind = null, string? Summary = null, string? RootCause = null);

public static class CommandRequestValidation
{
    public const int MaxText = 4_000;

    public static ValidationErrors Note(NoteRequest? request) => new ValidationErrors().Text("note", request?.Note, MaxText);

    public static ValidationErrors Reason(ReasonRequest? request) => new ValidationErrors().Text("reason", request?.Reason, MaxText, required: true);

    public static ValidationErrors SeverityChange(SeverityRequest request)
    {
        var errors = new ValidationErrors().Text("reason", request.Reason, MaxText, required: true);
        if (request.Severity is null)
        {
            errors.Add("severity", "required: one of S1, S2, S3, S4");
        }

        return errors;
    }

    public static ValidationErrors Action(ActionRequest request) => new ValidationErrors().Text("description", request.Description, MaxText, required: true);

    public static ValidationErrors CustomerUpdate(CustomerUpdateRequest request) =>
        new ValidationErrors().Text("message", request.Message, MaxText, required: true);

    public static ValidationErrors Context(ContextRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (request is { Context: null, Impact: null, Urgency: null, ActionsTaken: null })
        {
            errors.Add("context", "give at least one of context, impact, urgency or actionsTaken");
        }

        CaseFactsInputs.ValidateContext(request.Context, errors, now);
        CaseFactsInputs.ValidateImpact(request.Impact, errors);
        CaseFactsInputs.ValidateUrgency(request.Urgency, errors, now);
        errors.Texts("actionsTaken", request.ActionsTaken, CaseFactsInputs.MaxItems, CaseFactsInputs.MaxItemLength);
        return errors.Text("note", request.Note, MaxText);
    }
}
