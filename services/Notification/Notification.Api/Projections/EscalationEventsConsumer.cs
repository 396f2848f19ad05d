using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.Email;
using Notification.Api.Webhooks;

namespace Notification.Api.Projections;

/// <summary>Keeps the escalation projection current and decides who is told what (SPEC §7): the offeree on each
/// offer, leadership on S1, the owner on SLA warnings, owner, lead and (S1/S2) leadership on breaches, the
/// customer on status changes and updates with the "next update by" time, and subscribers by webhook.</summary>
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
        var submitted = context.Message;
        if (await db.Escalations.FindAsync([submitted.EscalationId], context.CancellationToken) is null)
        {
            db.Escalations.Add(new EscalationProjection
            {
                EscalationId = submitted.EscalationId,
                TenantId = submitted.TenantId,
                Key = submitted.Key,
                Title = submitted.Title,
                Status = nameof(EscalationStatus.Submitted),
                StatusAt = submitted.Facts.SubmittedAt.UtcDateTime,
                CustomerName = submitted.Facts.Customer.Name,
                CustomerEmail = submitted.Facts.Customer.ContactEmail,
                CustomerTimeZone = submitted.Facts.Customer.TimeZone,
            });
        }

        await Webhooks(context, submitted.TenantId, submitted.EscalationId, WebhookEvents.Submitted);
    }

    public async Task Consume(ConsumeContext<EscalationTriaged> context)
    {
        var escalation = await KnownAsync(context.Message.TenantId, context.Message.EscalationId, context.CancellationToken);
        escalation.Severity = context.Message.Severity.ToString();
        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.Triaged);
    }

    public async Task Consume(ConsumeContext<EscalationOffered> context)
    {
        var offer = context.Message;
        var escalation = await KnownAsync(offer.TenantId, offer.EscalationId, context.CancellationToken);
        escalation.Severity = offer.Severity.ToString(); // the offer may overtake the triage event
        if (escalation.OfferedAt is null || offer.At.UtcDateTime >= escalation.OfferedAt)
        {
            escalation.TeamName = offer.Team.Name;
            escalation.OwnerName = offer.OfferedTo.Name;
            escalation.OwnerEmail = offer.OfferedTo.Email;
            escalation.TeamLeadEmail = offer.TeamLead?.Email;
            escalation.OfferedAt = offer.At.UtcDateTime;
        }

        var eventKey = $"offered:{offer.EscalationId}:{offer.Level}";
        planner.Email(escalation, offer.OfferedTo.Email, eventKey, WebhookEvents.Offered, EmailTemplates.Offered(escalation, offer));
        if (offer.Level == OfferLevel.Owner && offer.Severity == Severity.S1)
        {
            planner.Email(escalation, options.Value.LeadershipFor(escalation.TenantId), $"s1-opened:{offer.EscalationId}", WebhookEvents.Offered,
                EmailTemplates.MajorIncidentOpened(escalation, offer));
        }

        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.Offered);
    }

    public async Task Consume(ConsumeContext<EscalationStatusChanged> context)
    {
        var change = context.Message;
        var escalation = await KnownAsync(change.TenantId, change.EscalationId, context.CancellationToken);
        if (change.At.UtcDateTime >= escalation.StatusAt)
        {
            escalation.Status = change.To.ToString();
            escalation.StatusAt = change.At.UtcDateTime;
        }

        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.StatusChanged);
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
        var eventKey = $"sla:{reached.EscalationId}:{reached.Clock}:{reached.Threshold}:{reached.PercentElapsed}:{reached.DueAt.ToUnixTimeSeconds()}";
        var text = EmailTemplates.Threshold(escalation, reached);
        planner.Email(escalation, escalation.OwnerEmail ?? escalation.TeamLeadEmail, eventKey, WebhookEvents.SlaThresholdReached, text);
        if (reached.Threshold == ThresholdKind.Breach)
        {
            planner.Email(escalation, escalation.TeamLeadEmail, eventKey, WebhookEvents.SlaThresholdReached, text);
            if (reached.Severity is Severity.S1 or Severity.S2)
            {
                planner.Email(escalation, options.Value.LeadershipFor(escalation.TenantId), eventKey, WebhookEvents.SlaThresholdReached, text);
            }
        }

        await Webhooks(context, escalation.TenantId, escalation.EscalationId, WebhookEvents.SlaThresholdReached);
    }

    public async Task Consume(ConsumeContext<CustomerCommitmentUpdated> context)
    {
        var commitment = context.Message;
        var escalation = await KnownAsync(commitment.TenantId, commitment.EscalationId, context.CancellationToken);
        if (EmailTemplates.Customer(escalation, commitment) is { } text)
        {
            var eventKey = $"customer:{commitment.EscalationId}:{commitment.Status}:{commitment.At.ToUnixTimeMilliseconds()}";
            planner.Email(escalation, escalation.CustomerEmail, eventKey, "customer.commitment", text);
        }

        await planner.SaveAsync(context.CancellationToken);
    }

    private async Task Webhooks<T>(ConsumeContext<T> context, string tenantId, Guid escalationId, string eventType) where T : class
    {
        await planner.WebhooksAsync(tenantId, escalationId, context.MessageId ?? NewId.NextGuid(), eventType, context.Message, context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }

    /// <summary>The escalation the event is about, within the event's tenant (another tenant's id is never found).</summary>
    private async Task<EscalationProjection> KnownAsync(string tenantId, Guid escalationId, CancellationToken cancellationToken) =>
        await db.Escalations.FirstOrDefaultAsync(escalation => escalation.TenantId == tenantId && escalation.EscalationId == escalationId, cancellationToken)
        ?? throw new EscalationNotYetKnownException(escalationId);
}
