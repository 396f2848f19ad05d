using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using MassTransit;
using Microsoft.Extensions.Options;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.Email;
using Notification.Api.Webhooks;
using Notification.Domain;

namespace Notification.Api.Projections;

/// <summary>Keeps the escalation projection current and plans the deliveries for the events that cause them: emails to
/// the people <see cref="RecipientPolicy"/> names (who is told what is decided there), worded by
/// <see cref="EmailTemplates"/>, and a webhook call per matching subscription. It receives only the events that cause
/// emails; intake's own events reach notification only when a subscriber wants them (<see cref="RelayedEventsConsumer"/>).
/// The offer and the commitment carry what the projection needs, so whichever comes first creates it.</summary>
public sealed class EscalationEventsConsumer(NotificationDbContext db, DeliveryPlanner planner, IOptions<NotificationOptions> options) :
    IConsumer<EscalationOffered>,
    IConsumer<EscalationUnroutable>,
    IConsumer<EscalationPolicyExhausted>,
    IConsumer<EscalationSeverityChanged>,
    IConsumer<EscalationHandoff>,
    IConsumer<SlaThresholdReached>,
    IConsumer<CustomerCommitmentUpdated>
{
    public async Task Consume(ConsumeContext<EscalationOffered> context)
    {
        var offer = context.Message;
        var escalation = await KnownOrSeededAsync(offer.TenantId, offer.EscalationId, () => EscalationProjection.Seed(offer), context.CancellationToken);
        escalation.Take(offer);
        foreach (var notice in RecipientPolicy.ForOffer(offer, Contacts(escalation)))
        {
            planner.Email(escalation, notice, WebhookEvents.Offered, notice.Kind == NoticeKind.MajorIncidentOpened
                ? EmailTemplates.MajorIncidentOpened(escalation, offer)
                : EmailTemplates.Offered(escalation, offer));
        }

        await planner.WebhooksAsync(escalation.TenantId, escalation.EscalationId, context.MessageId ?? NewId.NextGuid(), WebhookEvents.Offered, offer,
            context.CancellationToken);
        if (ImpliedStatusChanges.Of(offer, escalation.Key) is { } assigned)
        {
            // intake does not announce the first offer's move to Assigned: the offer is that fact, so its webhook is raised here
            var eventId = context.MessageId is { } source ? ImpliedStatusChanges.EventId(source) : NewId.NextGuid();
            await planner.WebhooksAsync(escalation.TenantId, escalation.EscalationId, eventId, WebhookEvents.StatusChanged, assigned, context.CancellationToken);
        }

        await planner.SaveAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<EscalationUnroutable> context)
    {
        var unroutable = context.Message;
        var escalation = await KnownOrSeededAsync(unroutable.TenantId, unroutable.EscalationId, () => EscalationProjection.Seed(unroutable),
            context.CancellationToken);
        escalation.Take(unroutable);
        var text = EmailTemplates.Unroutable(escalation, unroutable);
        foreach (var notice in RecipientPolicy.ForUnroutable(unroutable, Contacts(escalation)))
        {
            planner.Email(escalation, notice, "escalation.unroutable", text);
        }

        await planner.SaveAsync(context.CancellationToken);
    }

    /// <summary>Rare (a whole policy unanswered), so one transaction per event is fine.</summary>
    public Task Consume(ConsumeContext<EscalationPolicyExhausted> context) =>
        EmailAsync(context.Message.TenantId, context.Message.EscalationId, "escalation.top_of_policy",
            escalation => (EmailTemplates.PolicyExhausted(escalation, context.Message), RecipientPolicy.ForPolicyExhausted(context.Message, Contacts(escalation))),
            context.CancellationToken);

    /// <summary>Rare (a person's decision, or new facts), so one transaction per change is fine.</summary>
    public Task Consume(ConsumeContext<EscalationSeverityChanged> context) =>
        EmailAsync(context.Message.TenantId, context.Message.EscalationId, "escalation.severity_changed", escalation =>
        {
            escalation.Severity = context.Message.To;
            return (EmailTemplates.SeverityChanged(escalation, context.Message), RecipientPolicy.ForSeverityChange(context.Message, Contacts(escalation)));
        }, context.CancellationToken);

    /// <summary>A person's step (or an unanswered window), so one transaction per step is fine.</summary>
    public Task Consume(ConsumeContext<EscalationHandoff> context) =>
        EmailAsync(context.Message.TenantId, context.Message.EscalationId, "escalation.handoff",
            escalation => (EmailTemplates.Handoff(escalation, context.Message), RecipientPolicy.ForHandoff(context.Message, Contacts(escalation))),
            context.CancellationToken);

    /// <summary>An event about an escalation already known here that causes emails only: the text and who gets it.</summary>
    private async Task EmailAsync(string tenantId, Guid escalationId, string eventType,
        Func<EscalationProjection, (EmailText Text, IReadOnlyList<Notice> Notices)> tell, CancellationToken cancellationToken)
    {
        var escalation = await KnownOrSeededAsync(tenantId, escalationId, () => null, cancellationToken);
        var (text, notices) = tell(escalation);
        foreach (var notice in notices)
        {
            planner.Email(escalation, notice, eventType, text);
        }

        await planner.SaveAsync(cancellationToken);
    }

    public async Task Consume(ConsumeContext<SlaThresholdReached> context)
    {
        var reached = context.Message;
        var escalation = await KnownOrSeededAsync(reached.TenantId, reached.EscalationId, () => null, context.CancellationToken);
        var text = EmailTemplates.Threshold(escalation, reached);
        foreach (var notice in RecipientPolicy.ForThreshold(reached, Contacts(escalation)))
        {
            planner.Email(escalation, notice, WebhookEvents.SlaThresholdReached, text);
        }

        await planner.WebhooksAsync(escalation.TenantId, escalation.EscalationId, context.MessageId ?? NewId.NextGuid(), WebhookEvents.SlaThresholdReached,
            reached, context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CustomerCommitmentUpdated> context)
    {
        var commitment = context.Message;
        var escalation = await KnownOrSeededAsync(commitment.TenantId, commitment.EscalationId, () => EscalationProjection.Seed(commitment),
            context.CancellationToken);
        escalation.Take(commitment);
        foreach (var notice in RecipientPolicy.ForCommitment(commitment, Contacts(escalation)))
        {
            planner.Email(escalation, notice, "customer.commitment", EmailTemplates.Customer(escalation, commitment));
        }

        await planner.SaveAsync(context.CancellationToken);
    }

    /// <summary>Who can be told about the escalation, as far as notification knows.</summary>
    private CaseContacts Contacts(EscalationProjection escalation) => new(
        Owner: escalation.OwnerEmail,
        TeamLead: escalation.TeamLeadEmail,
        Leadership: options.Value.LeadershipFor(escalation.TenantId),
        Customer: escalation.CustomerEmail);

    /// <summary>The escalation the event is about, within the event's tenant (another tenant's id is never found, and
    /// never seeded: the id is taken), or a new one from <paramref name="seed"/>. The offer and the commitment of a new
    /// case often arrive together: the first events of one escalation take turns under a transaction lock on its id, so
    /// the second finds what the first inserted instead of failing on the key.</summary>
    private async Task<EscalationProjection> KnownOrSeededAsync(string tenantId, Guid escalationId, Func<EscalationProjection?> seed,
        CancellationToken cancellationToken)
    {
        var known = await db.Escalations.FindAsync([escalationId], cancellationToken);
        if (known is null)
        {
            await AdvisoryLock.LockForTransactionAsync(db, AdvisoryLock.Key($"notification:escalation:{escalationId}"), cancellationToken);
            known = await db.Escalations.FindAsync([escalationId], cancellationToken);
        }

        if (known is not null)
        {
            return known.TenantId == tenantId ? known : throw new EscalationNotYetKnownException(escalationId);
        }

        var seeded = seed() ?? throw new EscalationNotYetKnownException(escalationId);
        db.Escalations.Add(seeded);
        return seeded;
    }
}
