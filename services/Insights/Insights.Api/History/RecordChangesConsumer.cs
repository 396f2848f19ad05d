using EscalationPlatform.Contracts;
using Insights.Api.Telemetry;
using MassTransit;

namespace Insights.Api.History;

/// <summary>Intake's record changes, taken in batches: one transaction per batch (not per change; the messaging filter
/// runs a batch in one, <see cref="EscalationPlatform.Messaging.Inbox.BatchedMessage"/>) applies them to the read model
/// and announces the customers who now escalate repeatedly (through the outbox, in that transaction). A change consumed
/// twice adds nothing the second time: entries are kept by what they say, and a record older than the one kept is ignored.</summary>
public sealed class RecordChangesConsumer(CaseHistoryStore store, RepeatCustomerAnnouncer repeats, InsightsTelemetry telemetry)
    : IConsumer<Batch<EscalationRecordChanged>>
{
    public async Task Consume(ConsumeContext<Batch<EscalationRecordChanged>> context)
    {
        var changes = context.Message.Select(item => item.Message).ToList();
        var cases = await store.ApplyAsync(changes, context.CancellationToken);
        await repeats.AnnounceAsync(changes, cases, context.CancellationToken);
        telemetry.Applied(changes.Count);
    }
}

/// <summary>Up to 100 changes or 200 ms per batch, one batch at a time per replica.</summary>
public sealed class RecordChangesConsumerDefinition : ConsumerDefinition<RecordChangesConsumer>
{
    public const int MessageLimit = 100;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<RecordChangesConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(MessageLimit).SetTimeLimit(TimeSpan.FromMilliseconds(200)).SetConcurrencyLimit(1));
}
