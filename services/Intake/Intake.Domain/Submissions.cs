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
                },
            ],
        };
    }
}
