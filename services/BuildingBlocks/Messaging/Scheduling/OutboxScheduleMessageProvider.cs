using EscalationPlatform.Messaging.Outbox;
using MassTransit;
using MassTransit.Scheduling;

namespace EscalationPlatform.Messaging.Scheduling;

/// <summary>MassTransit's scheduler contract on the outbox: a scheduled message is an outbox row due later,
/// written in the caller's transaction, so Schedule/Unschedule in a state machine and IMessageScheduler work
/// unchanged and a timer exists exactly when the state change that set it committed.</summary>
public sealed class OutboxScheduleMessageProvider(IOutboxWriter outbox, ISendEndpointProvider sendEndpoints) : IScheduleMessageProvider
{
    public async Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message,
        IPipe<SendContext<T>> pipe, CancellationToken cancellationToken) where T : class
    {
        var tokenId = ScheduleTokenIdCache<T>.GetTokenId(message, NewId.NextGuid());
        var dueAt = scheduledTime.Kind == DateTimeKind.Local ? scheduledTime.ToUniversalTime() : DateTime.SpecifyKind(scheduledTime, DateTimeKind.Utc);
        var endpoint = await sendEndpoints.GetSendEndpoint(destinationAddress);
        await endpoint.Send(message, Pipe.Execute<SendContext<T>>(async context =>
        {
            await pipe.Send(context);
            context.Headers.Set(MessageHeaders.SchedulingTokenId, tokenId.ToString("N"));
            context.Headers.Set(TimerHeaders.ScheduledFor, dueAt.ToString("O"));
        }), cancellationToken);
        return new ScheduledMessageHandle<T>(tokenId, dueAt, destinationAddress, message);
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) => outbox.CancelScheduled(tokenId, cancellationToken);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        outbox.CancelScheduled(tokenId, cancellationToken);
}
