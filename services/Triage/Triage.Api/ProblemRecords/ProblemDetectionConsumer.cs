using EscalationPlatform.Contracts;
using MassTransit;

namespace Triage.Api.ProblemRecords;

/// <summary>Intake's record changes, taken in batches (one transaction per batch, not per change): the submissions among
/// them are kept as occurrences and linked to problem records or raise new ones (<see cref="ProblemDetection"/>).</summary>
public sealed class ProblemDetectionConsumer(ProblemDetection detection) : IConsumer<Batch<EscalationRecordChanged>>
{
    public Task Consume(ConsumeContext<Batch<EscalationRecordChanged>> context) =>
        detection.ApplyAsync([.. context.Message.Select(item => item.Message)], context.CancellationToken);
}

/// <summary>Up to 100 changes or 200 ms per batch, one batch at a time per replica.</summary>
public sealed class ProblemDetectionConsumerDefinition : ConsumerDefinition<ProblemDetectionConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ProblemDetectionConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(100).SetTimeLimit(TimeSpan.FromMilliseconds(200)).SetConcurrencyLimit(1));
}
