using EscalationPlatform.Messaging.Outbox;
using EscalationPlatform.Messaging.Scheduling;
using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware.Outbox;
using MassTransit.Scheduling;

namespace EscalationPlatform.Messaging.Inbox;

/// <summary>The consume context a consumer or saga sees inside its transaction: Publish, Send, Respond and the
/// message scheduler all write to the outbox instead of the broker.</summary>
internal sealed class OutboxConsumeContext<TMessage> : ConsumeContextProxy<TMessage> where TMessage : class
{
    private readonly MessageSchedulerContext _scheduler;

    public OutboxConsumeContext(ConsumeContext<TMessage> context, IOutboxWriter outbox, IBusTopology topology)
        : base(context)
    {
        var receiveContext = new OutboxReceiveContext(outbox, context.ReceiveContext);
        ReceiveContext = receiveContext;
        PublishEndpointProvider = receiveContext.PublishEndpointProvider;
        var scheduler = new MessageScheduler(new OutboxScheduleMessageProvider(outbox, receiveContext.SendEndpointProvider), topology);
        _scheduler = new ConsumeMessageSchedulerContext(this, _ => scheduler);
    }

    // The scheduler is kept here rather than in the payload cache the proxy shares with the original context:
    // once the transaction is over (say it rolled back), redelivery must find the bus's own scheduler again.
    public override bool TryGetPayload<T>(out T payload) where T : class
    {
        if (_scheduler is T scheduler)
        {
            payload = scheduler;
            return true;
        }

        return base.TryGetPayload(out payload!);
    }

    public override T GetOrAddPayload<T>(PayloadFactory<T> payloadFactory) where T : class =>
        _scheduler as T ?? base.GetOrAddPayload(payloadFactory);

    public override T AddOrUpdatePayload<T>(PayloadFactory<T> addFactory, UpdatePayloadFactory<T> updateFactory) where T : class =>
        _scheduler as T ?? base.AddOrUpdatePayload(addFactory, updateFactory);
}
