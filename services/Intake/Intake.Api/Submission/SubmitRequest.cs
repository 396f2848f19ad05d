using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Validation;

namespace Intake.Api.Submission;

/// <summary>A case handed to the platform: a title, the story, and the facts triage decides on.</summary>
public sealed record SubmitRequest : CaseFactsInput
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The submitter's own id for the case (a ticket number in the frontline tool).</summary>
    public string? ExternalReference { get; init; }
}

public static class SubmitRequestValidation
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 20_000;
    public const int MaxExternalReference = 255;

    public static void Validate(SubmitRequest request, ValidationErrors errors)
    {
        errors.Text("title", request.Title, MaxTitle, required: true)
            .Text("description", request.Description, MaxDescription)
            .Text("externalReference", request.ExternalReference, MaxExternalReference);
    }
}
