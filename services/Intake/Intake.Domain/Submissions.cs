using EscalationPlatform.Contracts;

namespace Intake.Domain;

public static class Submissions
{
    /// <summary>A case handed in: its first timeline entry, and EscalationSubmitted for triage.</summary>
    public static Decision Accepted(EscalationState submitted, Actor actor, string? externalReference, DateTimeOffset now)
    {
        var facts = submitted.Facts;
        var detail = $"{submitted.Title} ({Text.Kebab(facts.IssueType)}, {facts.Customer.Name}, {Text.Kebab(facts.Customer.Tier)})";
        return Decision.On(submitted, now) with
        {
            Timeline = [new TimelineNote(actor, "submitted", detail, externalReference is null ? null : $"external reference {externalReference}", To: submitted.Status)],
            Messages =
            [
                new EscalationSubmitted
                {
                    EscalationId = submitted.Id, TenantId = submitted.TenantId, Key = submitted.Key, Title = submitted.Title, Facts = facts,
                    SubmittedBy = submitted.SubmittedById,
                },
            ],
        };
    }

    /// <summary>A case handed in that triage assessed at once (the synchronous path) and found complete: submitted
    /// and triaged in one decision, announced by EscalationTriaged alone, which then also stands for the submission.
    /// Null when the assessment does not triage the case: an incomplete case takes the asynchronous path
    /// (EscalationSubmitted, and triage's checklist answer moves it to needs-information).</summary>
    public static Decision? AcceptedAndTriaged(
        EscalationState submitted, Actor actor, string? externalReference, EscalationAssessed assessment, DateTimeOffset now)
    {
        if (assessment.Outcome != AssessmentOutcome.Triaged || assessment.TenantId != submitted.TenantId || assessment.EscalationId != submitted.Id)
        {
            return null;
        }

        var accepted = Accepted(submitted, actor, externalReference, now);
        var triaged = LifecycleEvents.Assessed(accepted.State, assessment, now);
        return triaged with
        {
            Before = accepted.Before,
            Timeline = [.. accepted.Timeline, .. triaged.Timeline],
            Messages = [.. triaged.Messages.Select(message => message is EscalationTriaged announced ? announced with { AnnouncesSubmission = true } : message)],
        };
    }
}
