using EscalationPlatform.Contracts;
using MassTransit;
using Notification.Api.Deliveries;
using Notification.Domain;

namespace Notification.Api.Webhooks;

/// <summary>Intake's events that only webhooks need (submission, triage, its own status moves, customer updates). They
/// are not published to notification: intake sends them to <see cref="WebhookRelay.QueueName"/> only for tenants whose
/// subscriptions want one of their webhook types (<see cref="WebhookInterestChanged"/>). So a case nobody subscribed to
/// costs notification nothing here. The webhooks are planned as they were when these events were published: same
/// payloads (the event itself, or the status change or submission it stands for), ids from the message id, which
/// every redelivery keeps.</summary>
/// <remarks>Intake relays the original event rather than a generic envelope with a ready payload: the payload shapes
/// and the ids of the implied events (<see cref="ImpliedStatusChanges"/>) then stay decided in one place, here, and
/// intake only has to know which webhook types an event can raise.</remarks>
public sealed class RelayedEventsConsumer(DeliveryPlanner planner) :
    IConsumer<EscalationSubmitted>,
    IConsumer<EscalationTriaged>,
    IConsumer<EscalationStatusChanged>,
    IConsumer<CustomerUpdatePosted>
{
    public async Task Consume(ConsumeContext<EscalationSubmitted> context) =>
        await PlanAsync(context, context.Message.TenantId, context.Message.EscalationId, context.Message.SubmittedBy, WebhookEvents.Submitted);

    public async Task Consume(ConsumeContext<EscalationTriaged> context)
    {
        var triaged = context.Message;
        if (ImpliedStatusChanges.Submission(triaged) is { } submission)
        {
            var submissionId = context.MessageId is { } id ? ImpliedStatusChanges.SubmissionEventId(id) : NewId.NextGuid();
            await planner.WebhooksAsync(triaged.TenantId, triaged.EscalationId, triaged.SubmittedBy, submissionId, WebhookEvents.Submitted, submission,
                context.CancellationToken);
        }

        var statusId = context.MessageId is { } source ? ImpliedStatusChanges.EventId(source) : NewId.NextGuid();
        await planner.WebhooksAsync(triaged.TenantId, triaged.EscalationId, triaged.SubmittedBy, statusId, WebhookEvents.StatusChanged,
            ImpliedStatusChanges.Of(triaged), context.CancellationToken);
        await PlanAsync(context, triaged.TenantId, triaged.EscalationId, triaged.SubmittedBy, WebhookEvents.Triaged);
    }

    public async Task Consume(ConsumeContext<EscalationStatusChanged> context) =>
        await PlanAsync(context, context.Message.TenantId, context.Message.EscalationId, null, WebhookEvents.StatusChanged);

    public async Task Consume(ConsumeContext<CustomerUpdatePosted> context) =>
        await PlanAsync(context, context.Message.TenantId, context.Message.EscalationId, null, WebhookEvents.CustomerUpdatePosted);

    private async Task PlanAsync<T>(ConsumeContext<T> context, string tenantId, Guid escalationId, string? submittedBy, string eventType) where T : class
    {
        await planner.WebhooksAsync(tenantId, escalationId, submittedBy, context.MessageId ?? NewId.NextGuid(), eventType, context.Message, context.CancellationToken);
        await planner.SaveAsync(context.CancellationToken);
    }
}

/// <summary>The relay queue has a fixed name (intake sends to it, whatever notification's endpoint prefix) and no
/// bindings: with the consume topology off, no exchange of these message types is bound to it, so published copies
/// never reach it.</summary>
public sealed class RelayedEventsConsumerDefinition : ConsumerDefinition<RelayedEventsConsumer>
{
    public RelayedEventsConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.Name = WebhookRelay.QueueName;
        endpoint.ConfigureConsumeTopology = false;
    });
}
