using MassTransit;
using MassTransit.Configuration;
using MassTransit.Context;
using MassTransit.Scheduling;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationPlatform.SagaTesting;

/// <summary>A saga's timers as the services keep them (a durable scheduler: a timer can be cancelled, and fires with
/// its scheduling token), held in memory until the test moves the clock: <see cref="DueAt"/> tells when each is due,
/// <see cref="FireDueAsync"/> sends those due by the fake clock and waits until they are consumed.</summary>
public sealed class ManualTimers(TimeProvider clock) : IScheduleMessageProvider
{
    private readonly Lock _lock = new();
    private readonly List<Timer> _pending = [];

    private sealed record Timer(Guid TokenId, DateTime DueAt, object Message, Func<ITestHarness, Task> Fire);

    /// <summary>The timers not yet fired or cancelled, by message type.</summary>
    public IReadOnlyList<DateTime> DueAt<T>() where T : class
    {
        lock (_lock)
        {
            return [.. _pending.Where(timer => timer.Message is T).Select(timer => timer.DueAt)];
        }
    }

    public Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe,
        CancellationToken cancellationToken) where T : class
    {
        var tokenId = ScheduleTokenIdCache<T>.GetTokenId(message, NewId.NextGuid());
        var dueAt = scheduledTime.Kind == DateTimeKind.Local ? scheduledTime.ToUniversalTime() : DateTime.SpecifyKind(scheduledTime, DateTimeKind.Utc);
        lock (_lock)
        {
            _pending.Add(new(tokenId, dueAt, message, async harness =>
            {
                var messageId = NewId.NextGuid();
                var endpoint = await harness.Bus.GetSendEndpoint(destinationAddress);
                await endpoint.Send(message, Pipe.Execute<SendContext<T>>(async context =>
                {
                    await pipe.Send(context);
                    context.MessageId = messageId;
                    context.Headers.Set(MessageHeaders.SchedulingTokenId, tokenId.ToString("N"));
                }));
                await harness.ConsumedAsync<T>(messageId);
            }));
        }

        return Task.FromResult<ScheduledMessage<T>>(new ScheduledMessageHandle<T>(tokenId, dueAt, destinationAddress, message));
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _pending.RemoveAll(timer => timer.TokenId == tokenId);
        }

        return Task.CompletedTask;
    }

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        CancelScheduledSend(tokenId, cancellationToken);

    /// <summary>Sends every timer due by the clock, earliest first, each once its predecessor was consumed; returns how many fired.</summary>
    public async Task<int> FireDueAsync(ITestHarness harness)
    {
        var fired = 0;
        while (NextDue() is { } timer)
        {
            await timer.Fire(harness);
            fired++;
        }

        return fired;
    }

    private Timer? NextDue()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = _pending.Where(timer => timer.DueAt <= now).OrderBy(timer => timer.DueAt).FirstOrDefault();
            if (due is not null)
            {
                _pending.Remove(due);
            }

            return due;
        }
    }

    /// <summary>Gives every consume context these timers as its scheduler, the way the services' bus gives its outbox scheduler.</summary>
    internal sealed class Filter(ManualTimers timers, IServiceProvider services) : IFilter<ConsumeContext>, IPipeSpecification<ConsumeContext>
    {
        public void Apply(IPipeBuilder<ConsumeContext> builder) => builder.AddFilter(this);

        public IEnumerable<ValidationResult> Validate() => [];

        public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
        {
            context.GetOrAddPayload<MessageSchedulerContext>(() =>
                new ConsumeMessageSchedulerContext(context, _ => new MessageScheduler(timers, services.GetRequiredService<IBus>().Topology)));
            return next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("manualTimers");
    }
}
