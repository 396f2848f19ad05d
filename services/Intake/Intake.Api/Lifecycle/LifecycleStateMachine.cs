using EscalationPlatform.Contracts;
using EscalationPlatform.Messaging.Sagas;
using Intake.Api.Records;
using Intake.Domain;
using MassTransit;

namespace Intake.Api.Lifecycle;

/// <summary>The lifecycle saga: follows each escalation through the other services' decisions — triage's
/// assessment, routing's offers, the SLA's thresholds and commitments — and its own auto-close timer. Its states are the
/// statuses of <see cref="EscalationStatus"/> (declared from the enum, named as stored), and the saga state is the
/// record's status, which API commands move too. What each event does is decided by <see cref="LifecycleEvents"/> and
/// applied by <see cref="LifecycleSteps"/>.</summary>
public sealed class LifecycleStateMachine : MassTransitStateMachine<EscalationRecord>
{
    public LifecycleStateMachine()
    {
        InstanceState(record => record.CurrentState);
        foreach (var status in Enum.GetValues<EscalationStatus>())
        {
            State(EscalationRecord.StateName(status));
        }

        Event(() => Assessed, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => Offered, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => Unroutable, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => PolicyExhausted, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => Handoff, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => ThresholdReached, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => AutoClose, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => Commitment, e => Correlate(e, context => context.Message.EscalationId));
        Event(() => TargetsChanged, e => Correlate(e, context => context.Message.EscalationId));

        DuringAny(
            When(Assessed).ThenAsync(context => Steps(context).ApplyAsync(context, LifecycleEvents.Assessed)),
            When(Offered).ThenAsync(context => Steps(context).ApplyAsync(context, LifecycleEvents.Offered)),
            When(Unroutable).ThenAsync(context => Steps(context).ApplyAsync(context, LifecycleEvents.Unroutable)),
            When(PolicyExhausted).ThenAsync(context => Steps(context).ApplyAsync(context, LifecycleEvents.PolicyExhausted)),
            When(Handoff).ThenAsync(context => Steps(context).ApplyAsync(context, HandoffSteps.Apply)),
            When(ThresholdReached).ThenAsync(context => Steps(context).ApplyAsync(context, LifecycleEvents.ThresholdReached)),
            When(AutoClose).ThenAsync(context => Steps(context).AutoCloseAsync(context)),
            When(Commitment).ThenAsync(context => Steps(context).ApplyAsync(context, LifecycleEvents.CommitmentUpdated)),
            When(TargetsChanged).ThenAsync(context => Steps(context).ApplyAsync(context, LifecycleEvents.TargetsChanged)));
    }

    public Event<EscalationAssessed> Assessed { get; private set; } = null!;

    public Event<EscalationOffered> Offered { get; private set; } = null!;

    public Event<EscalationUnroutable> Unroutable { get; private set; } = null!;

    public Event<EscalationPolicyExhausted> PolicyExhausted { get; private set; } = null!;

    public Event<EscalationHandoff> Handoff { get; private set; } = null!;

    public Event<SlaThresholdReached> ThresholdReached { get; private set; } = null!;

    public Event<AutoCloseDue> AutoClose { get; private set; } = null!;

    public Event<CustomerCommitmentUpdated> Commitment { get; private set; } = null!;

    /// <summary>A new SLA policy moved the clocks (rare: only when a policy is published).</summary>
    public Event<SlaTargetsChanged> TargetsChanged { get; private set; } = null!;

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
public sealed class LifecycleStateDefinition : PartitionedSagaDefinition<EscalationRecord>;
