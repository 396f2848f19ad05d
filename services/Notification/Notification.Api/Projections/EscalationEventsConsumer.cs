using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.Email;
using Notification.Api.Webhooks;
using Notification.Domain;

namespace Notification.Api.Projections;

/// <summary>Keeps the escalation projection current and plans the deliveries for each event: emails to the people
/// <see cref="RecipientPolicy"/> names (who is told what is decided there), worded by <see cref="EmailTemplates"/>,
/// and a webhook call per matching subscription.</summary>
public sealed class EscalationEventsConsumer(NotificationDbContext db, DeliveryPlanner planner, IOptions<NotificationOptions> options) :
    IConsumer<EscalationSubmitted>,
    IConsumer<EscalationTriaged>,
    IConsumer<EscalationOffered>,
    IConsumer<EscalationStatusChanged>,
    IConsumer<CustomerUpdatePosted>,
    IConsumer<SlaThresholdReached>,
    IConsumer<CustomerCommitmentUpdated>
{
    public async Task Consume(ConsumeContext<EscalationSubmitted> context)
    {
        await SubmittedAsync(context.Message, context.MessageId ?? NewId.NextGuid(), context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<EscalationTriaged> context)
    {
        var triaged = context.Message;
        var escalation = ImpliedStatusChanges.Submission(triaged) is { } submission
            ? await SubmittedAsync(submission, context.MessageId is { } id ? ImpliedStatusChanges.SubmissionEventId(id) : NewId.NextGuid(), context.CancellationToken)
            : await KnownAsync(triaged.TenantId, triaged.EscalationId, context.CancellationToken);
        escalation.Severity = triaged.Severity;
        await ImpliedAsync(context, escalation, ImpliedStatusChanges.Of(triaged));
        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.Triaged);
    }

    /// <summary>A new case: its projection (kept if a redelivery finds it) and the escalation.submitted webhooks.</summary>
    private async Task<EscalationProjection> SubmittedAsync(EscalationSubmitted submitted, Guid eventId, CancellationToken cancellationToken)
    {
        var escalation = await db.Escalations.FindAsync([submitted.EscalationId], cancellationToken);
        if (escalation is null)
        {
            escalation = new EscalationProjection
            {
                EscalationId = submitted.EscalationId,
                TenantId = submitted.TenantId,
                Key = submitted.Key,
                Title = submitted.Title,
                Status = EscalationStatus.Submitted,
                StatusAt = submitted.Facts.SubmittedAt.UtcDateTime,
                CustomerName = submitted.Facts.Customer.Name,
                CustomerEmail = submitted.Facts.Customer.ContactEmail,
                CustomerTimeZone = submitted.Facts.Customer.TimeZone,
            };
            db.Escalations.Add(escalation);
        }

        await planner.WebhooksAsync(submitted.TenantId, submitted.EscalationId, eventId, WebhookEvents.Submitted, submitted, cancellationToken);
        return escalation;
    }

    public async Task Consume(ConsumeContext<EscalationOffered> context)
    {
        var offer = context.Message;
        var escalation = await KnownAsync(offer.TenantId, offer.EscalationId, context.CancellationToken);
        escalation.Severity = offer.Severity; // the offer may overtake the triage event
        if (escalation.OfferedAt is null || offer.At.UtcDateTime >= escalation.OfferedAt)
        {
            escalation.TeamName = offer.Team.Name;
            escalation.OwnerName = offer.OfferedTo.Name;
            escalation.OwnerEmail = offer.OfferedTo.Email;
            escalation.TeamLeadEmail = offer.TeamLead?.Email;
            escalation.OfferedAt = offer.At.UtcDateTime;
        }

        foreach (var notice in RecipientPolicy.ForOffer(offer, Contacts(escalation)))
        {
            planner.Email(escalation, notice, WebhookEvents.Offered, notice.Kind == NoticeKind.MajorIncidentOpened
                ? EmailTemplates.MajorIncidentOpened(escalation, offer)
                : EmailTemplates.Offered(escalation, offer));
        }

        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.Offered);
        if (ImpliedStatusChanges.Of(offer, escalation.Key) is { } assigned)
        {
            await ImpliedAsync(context, escalation, assigned);
            await planner.SaveAsync(context.CancellationToken);
        }
    }

    public async Task Consume(ConsumeContext<EscalationStatusChanged> context)
    {
        var change = context.Message;
        var escalation = await KnownAsync(change.TenantId, change.EscalationId, context.CancellationToken);
        Follow(escalation, change);
        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.StatusChanged);
    }

    /// <summary>A status change that <paramref name="context"/>'s event stands for (see <see cref="ImpliedStatusChanges"/>):
    /// followed like a published one, with its escalation.status-changed webhooks under an id derived from the event's.</summary>
    private async Task ImpliedAsync<T>(ConsumeContext<T> context, EscalationProjection escalation, EscalationStatusChanged change) where T : class
    {
        Follow(escalation, change);
        var eventId = context.MessageId is { } source ? ImpliedStatusChanges.EventId(source) : NewId.NextGuid();
        await planner.WebhooksAsync(escalation.TenantId, escalation.EscalationId, eventId, WebhookEvents.StatusChanged, change, context.CancellationToken);
    }

    /// <summary>The projection takes a status no older than the one it shows.</summary>
    private static void Follow(EscalationProjection escalation, EscalationStatusChanged change)
    {
        if (change.At.UtcDateTime >= escalation.StatusAt)
        {
            escalation.Status = change.To;
            escalation.StatusAt = change.At.UtcDateTime;
        }
    }

    public async Task Consume(ConsumeContext<CustomerUpdatePosted> context)
    {
        var escalation = await KnownAsync(context.Message.TenantId, context.Message.EscalationId, context.CancellationToken);
        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.CustomerUpdatePosted);
    }

    public async Task Consume(ConsumeContext<SlaThresholdReached> context)
    {
        var reached = context.Message;
        var escalation = await KnownAsync(reached.TenantId, reached.EscalationId, context.CancellationToken);
        var text = EmailTemplates.Threshold(escalation, reached);
        foreach (var notice in RecipientPolicy.ForThreshold(reached, Contacts(escalation)))
        {
            planner.Email(escalation, notice, WebhookEvents.SlaThresholdReached, text);
        }

        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.SlaThresholdReached);
    }

    public async Task Consume(ConsumeContext<CustomerCommitmentUpdated> context)
    {
        var commitment = context.Message;
        var escalation = await KnownAsync(commitment.TenantId, commitment.EscalationId, context.CancellationToken);
        foreach (var notice in RecipientPolicy.ForCommitment(commitment, Contacts(escalation)))
        {
            planner.Email(escalation, notice, "customer.commitment", EmailTemplates.Customer(escalation, commitment));
        }

        await planner.SaveAsync(context.CancellationToken);
    }

    private async Task Webhooks<T>(ConsumeContext<T> context, string tenantId, Guid escalationId, string eventType) where T : class
    {
        await planner.WebhooksAsync(tenantId, escalationId, context.MessageId ?? NewId.NextGuid(), eventType, context.Message, context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }

    /// <summary>Who can be told about the escalation, as far as notification knows.</summary>
    private CaseContacts Contacts(EscalationProjection escalation) => new(
        Owner: escalation.OwnerEmail,
        TeamLead: escalation.TeamLeadEmail,
        Leadership: options.Value.LeadershipFor(escalation.TenantId),
        Customer: escalation.CustomerEmail);

    /// <summary>The escalation the event is about, within the event's tenant (another tenant's id is never found).</summary>
    private async Task<EscalationProjection> KnownAsync(string tenantId, Guid escalationId, CancellationToken cancellationToken) =>
        await db.Escalations.FirstOrDefaultAsync(escalation => escalation.TenantId == tenantId && escalation.EscalationId == escalationId, cancellationToken)
        ?? throw new EscalationNotYetKnownException(escalationId);
}
