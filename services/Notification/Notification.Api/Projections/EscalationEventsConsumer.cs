using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using MassTransit;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.Rules;
using Notification.Api.Templates;
using Notification.Api.Webhooks;
using Notification.Domain;

namespace Notification.Api.Projections;

/// <summary>Keeps the escalation projection current and plans the deliveries for the events that cause them: the
/// tenant's recipient rules name who is told (<see cref="RecipientPolicy"/>), its templates word it, the
/// <see cref="DeliveryPlanner"/> times and stores it, and a webhook call goes to each matching subscription. It
/// receives only the events that cause notifications; intake's own events reach notification only when a subscriber
/// wants them (<see cref="RelayedEventsConsumer"/>). The offer, the commitment and the deflection carry what the
/// projection needs, so whichever comes first creates it.</summary>
public sealed class EscalationEventsConsumer(NotificationDbContext db, DeliveryPlanner planner, NotificationSettings settings, RatingLinks ratings) :
    IConsumer<EscalationOffered>,
    IConsumer<EscalationUnroutable>,
    IConsumer<EscalationPolicyExhausted>,
    IConsumer<EscalationSeverityChanged>,
    IConsumer<EscalationHandoff>,
    IConsumer<SlaThresholdReached>,
    IConsumer<CustomerCommitmentUpdated>,
    IConsumer<EscalationDeflected>
{
    public async Task Consume(ConsumeContext<EscalationOffered> context)
    {
        var offer = context.Message;
        var escalation = await KnownOrSeededAsync(offer.TenantId, offer.EscalationId, () => EscalationProjection.Seed(offer), context.CancellationToken);
        escalation.Take(offer);
        await NotifyAsync(escalation, (rules, contacts) => RecipientPolicy.ForOffer(offer, escalation.Facts, contacts, rules), NoticeFacts.Of(offer),
            context.CancellationToken);
        await planner.WebhooksAsync(escalation, context.MessageId ?? NewId.NextGuid(), WebhookEvents.Offered, offer, context.CancellationToken);
        if (ImpliedStatusChanges.Of(offer, escalation.Key) is { } assigned)
        {
            // intake does not announce the first offer's move to Assigned: the offer is that fact, so its webhook is raised here
            var eventId = context.MessageId is { } source ? ImpliedStatusChanges.EventId(source) : NewId.NextGuid();
            await planner.WebhooksAsync(escalation, eventId, WebhookEvents.StatusChanged, assigned, context.CancellationToken);
        }

        await planner.SaveAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<EscalationUnroutable> context)
    {
        var unroutable = context.Message;
        var escalation = await KnownOrSeededAsync(unroutable.TenantId, unroutable.EscalationId, () => EscalationProjection.Seed(unroutable),
            context.CancellationToken);
        escalation.Take(unroutable);
        await NotifyAsync(escalation, (rules, contacts) => RecipientPolicy.ForUnroutable(unroutable, escalation.Facts, contacts, rules),
            NoticeFacts.Of(unroutable), context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }

    /// <summary>Rare (a whole policy unanswered), so one transaction per event is fine.</summary>
    public Task Consume(ConsumeContext<EscalationPolicyExhausted> context) =>
        TellAsync(context.Message.TenantId, context.Message.EscalationId, NoticeFacts.Of(context.Message),
            (escalation, rules, contacts) => RecipientPolicy.ForPolicyExhausted(context.Message, escalation.Facts, contacts, rules), context.CancellationToken);

    /// <summary>Rare (a person's decision, or new facts), so one transaction per change is fine.</summary>
    public Task Consume(ConsumeContext<EscalationSeverityChanged> context) =>
        TellAsync(context.Message.TenantId, context.Message.EscalationId, NoticeFacts.Of(context.Message), (escalation, rules, contacts) =>
        {
            escalation.Severity = context.Message.To;
            return RecipientPolicy.ForSeverityChange(context.Message, escalation.Facts, contacts, rules);
        }, context.CancellationToken);

    /// <summary>A person's step (or an unanswered window), so one transaction per step is fine.</summary>
    public Task Consume(ConsumeContext<EscalationHandoff> context) =>
        TellAsync(context.Message.TenantId, context.Message.EscalationId, NoticeFacts.Of(context.Message),
            (escalation, rules, contacts) => RecipientPolicy.ForHandoff(context.Message, escalation.Facts, contacts, rules), context.CancellationToken);

    public async Task Consume(ConsumeContext<SlaThresholdReached> context)
    {
        var reached = context.Message;
        var escalation = await KnownOrSeededAsync(reached.TenantId, reached.EscalationId, () => null, context.CancellationToken);
        await NotifyAsync(escalation, (rules, contacts) => RecipientPolicy.ForThreshold(reached, escalation.Facts, contacts, rules), NoticeFacts.Of(reached),
            context.CancellationToken);
        await planner.WebhooksAsync(escalation, context.MessageId ?? NewId.NextGuid(), WebhookEvents.SlaThresholdReached, reached, context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CustomerCommitmentUpdated> context)
    {
        var commitment = context.Message;
        var escalation = await KnownOrSeededAsync(commitment.TenantId, commitment.EscalationId, () => EscalationProjection.Seed(commitment),
            context.CancellationToken);
        escalation.Take(commitment);
        await NotifyAsync(escalation, (rules, contacts) => RecipientPolicy.ForCommitment(commitment, escalation.Facts, contacts, rules),
            NoticeFacts.Of(commitment, ratings.For(commitment)), context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }

    /// <summary>A deflected case is never offered, so this is often the first event about it here: it seeds the
    /// projection. The customer and the submitter are told, and a partner that handed it in hears through its webhooks.</summary>
    public async Task Consume(ConsumeContext<EscalationDeflected> context)
    {
        var deflected = context.Message;
        var escalation = await KnownOrSeededAsync(deflected.TenantId, deflected.EscalationId, () => EscalationProjection.Seed(deflected),
            context.CancellationToken);
        escalation.Take(deflected);
        await NotifyAsync(escalation, (rules, contacts) => RecipientPolicy.ForDeflection(deflected, escalation.Facts, contacts, rules),
            NoticeFacts.Of(deflected), context.CancellationToken);
        await planner.WebhooksAsync(escalation, context.MessageId ?? NewId.NextGuid(), WebhookEvents.Deflected, deflected, context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }

    /// <summary>An event about an escalation already known here that causes notices only.</summary>
    private async Task TellAsync(string tenantId, Guid escalationId, EventFacts facts,
        Func<EscalationProjection, NotificationRules, CaseContacts, IReadOnlyList<Notice>> tell, CancellationToken cancellationToken)
    {
        var escalation = await KnownOrSeededAsync(tenantId, escalationId, () => null, cancellationToken);
        await NotifyAsync(escalation, (rules, contacts) => tell(escalation, rules, contacts), facts, cancellationToken);
        await planner.SaveAsync(cancellationToken);
    }

    /// <summary>The notices the tenant's rules give for the event, planned.</summary>
    private async Task NotifyAsync(EscalationProjection escalation, Func<NotificationRules, CaseContacts, IReadOnlyList<Notice>> notices, EventFacts facts,
        CancellationToken cancellationToken)
    {
        var rules = await settings.RulesAsync(escalation.TenantId, cancellationToken);
        await planner.NotifyAsync(escalation, rules, notices(rules, settings.Contacts(escalation, rules)), facts, cancellationToken);
    }

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
