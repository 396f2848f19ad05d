using EscalationPlatform.Contracts;
using Intake.Api.Records;
using MassTransit;

namespace Intake.Api.Lifecycle;

/// <summary>The lifecycle saga: follows each escalation through the other services' decisions — triage's
/// assessment, routing's offers, the SLA's thresholds and commitments — and its own auto-close timer. The saga state is the
/// record's status, which API commands move too; <see cref="LifecycleSteps"/> holds what each event does in
/// each status.</summary>
public sealed class LifecycleStateMachine : MassTransitStateMachine<EscalationRecord>
{
    public LifecycleStateMachine()
    {
        InstanceState(record => record.CurrentState);
        Event(() => Assessed, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => Offered, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => ThresholdReached, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => AutoClose, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => Commitment, e => Correlate(e, context => context.Message.EscalationId));

        DuringAny(
            When(Assessed).ThenAsync(context => Steps(context).AssessedAsync(context.Saga, context.Message, context.CancellationToken)),
            When(Offered).ThenAsync(context => Steps(context).OfferedAsync(context.Saga, context.Message, context.CancellationToken)),
            When(ThresholdReached).Then(context => Steps(context).ThresholdReached(context.Saga, context.Message)),
            When(AutoClose).ThenAsync(context => Steps(context).AutoCloseAsync(context.Saga, context.Message, context.CancellationToken)),
            When(Commitment).Then(context => Steps(context).CommitmentUpdated(context.Saga, context.Message)));
    }

    // The states are the statuses of EscalationStatus, by name.
    public State Submitted { get; private set; } = null!;

    public State NeedsInformation { get; private set; } = null!;

    public State Triaged { get; private set; } = null!;

    public State Deflected { get; private set; } = null!;

    public State Assigned { get; private set; } = null!;

    public State Acknowledged { get; private set; } = null!;

    public State InProgress { get; private set; } = null!;

    public State WaitingOnCustomer { get; private set; } = null!;

    public State Resolved { get; private set; } = null!;

    public State Closed { get; private set; } = null!;

    public State Reopened { get; private set; } = null!;

    public State Cancelled { get; private set; } = null!;

    public Event<EscalationAssessed> Assessed { get; private set; } = null!;

    public Event<EscalationOffered> Offered { get; private set; } = null!;

    public Event<SlaThresholdReached> ThresholdReached { get; private set; } = null!;

    public Event<AutoCloseDue> AutoClose { get; private set; } = null!;

    public Event<CustomerCommitmentUpdated> Commitment { get; private set; } = null!;

    /// <summary>Every record is created by submission, so an event for an unknown one is a fault, not a new record.</summary>
    private static void Correlate<T>(IEventCorrelationConfigurator<EscalationRecord, T> configurator, Func<ConsumeContext<T>, Guid> id) where T : class
    {
        configurator.CorrelateById(id);
        configurator.OnMissingInstance(missing => missing.Fault());
        configurator.InsertOnInitial = false;
    }

    private static LifecycleSteps Steps<T>(BehaviorContext<EscalationRecord, T> context) where T : class =>
        context.GetServiceOrCreateInstance<LifecycleSteps>();
}

/// <summary>Events for one escalation are taken one at a time within a process, so they do not collide.</summary>
public sealed class LifecycleStateDefinition : SagaDefinition<EscalationRecord>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<EscalationRecord> sagaConfigurator,
        IRegistrationContext context)
    {
        var partition = endpointConfigurator.CreatePartitioner(16);
        sagaConfigurator.Message<EscalationAssessed>(message => message.UsePartitioner(partition, consumed => consumed.Message.EscalationId));
        sagaConfigurator.Message<EscalationOffered>(message => message.UsePartitioner(partition, consumed => consumed.Message.EscalationId));
        sagaConfigurator.Message<SlaThresholdReached>(message => message.UsePartitioner(partition, consumed => consumed.Message.EscalationId));
        sagaConfigurator.Message<AutoCloseDue>(message => message.UsePartitioner(partition, consumed => consumed.Message.EscalationId));
        sagaConfigurator.Message<CustomerCommitmentUpdated>(message => message.UsePartitioner(partition, consumed => consumed.Message.EscalationId));
    }
}

/// <summary>The auto-close window of a resolved escalation ran out without the customer answering.</summary>
public sealed record AutoCloseDue(Guid EscalationId, DateTime ResolvedAt);
