using EscalationPlatform.Messaging.Outbox;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Context;
using MassTransit.Middleware.Outbox;
using MassTransit.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationPlatform.Messaging.Scheduling;

/// <summary>Gives every consume context a scheduler outside any consumer transaction, for what must happen even
/// when the consumer's work rolled back: delayed redelivery of a failed message. Each call is its own small
/// transaction on the outbox. Inside the consumer's transaction, the outbox consume context overrides it.</summary>
internal sealed class BusSchedulerFilter(IServiceScopeFactory scopes, IServiceProvider services) : IFilter<ConsumeContext>, IPipeSpecification<ConsumeContext>
{
    public void Apply(IPipeBuilder<ConsumeContext> builder) => builder.AddFilter(this);

    public IEnumerable<ValidationResult> Validate() => [];

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context,
            consumeContext => new MessageScheduler(new CommittingScheduleMessageProvider(scopes, consumeContext.ReceiveContext.SendEndpointProvider),
                services.GetRequiredService<IBus>().Topology)));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("outboxScheduler");

    private sealed class CommittingScheduleMessageProvider(IServiceScopeFactory scopes, ISendEndpointProvider sendEndpoints) : IScheduleMessageProvider
    {
        public async Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message,
            IPipe<SendContext<T>> pipe, CancellationToken cancellationToken) where T : class
        {
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutboxWriter>();
            var scheduled = await new OutboxScheduleMessageProvider(outbox, new OutboxSendEndpointProvider(outbox, sendEndpoints))
                .ScheduleSend(destinationAddress, scheduledTime, message, pipe, cancellationToken);
            await outbox.DbContext.SaveChangesAsync(cancellationToken);
            return scheduled;
        }

        public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) => CancelAsync(tokenId, cancellationToken);

        public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) => CancelAsync(tokenId, cancellationToken);

        private async Task CancelAsync(Guid tokenId, CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IOutboxWriter>().CancelScheduled(tokenId, cancellationToken);
        }
    }
}
