using EscalationPlatform.Contracts;
using EscalationPlatform.Messaging.Sagas;
using MassTransit;

namespace Routing.Api.Offers;

/// <summary>Offers a triaged escalation to the owner chosen by the team's strategy (or to whom the first level of its
/// escalation policy names); when no one acknowledges within a level's window the offer moves up the policy (by
/// default to the backup, then to the team lead), and at its top leadership is told and the case flagged, the offer
/// staying with the last person asked. An escalation nobody can be
/// offered is announced as unroutable, with the reason, and waits there. The offer completes when
/// intake reports the escalation acknowledged; a resolution (an alert cleared at its source) or a cancellation
/// ends it. A severity change re-plans an unanswered offer: the same person, with the new severity's window from now.</summary>
public sealed class OfferStateMachine : MassTransitStateMachine<OfferState>
{
    public OfferStateMachine()
    {
        InstanceState(offer => offer.CurrentState);
        Event(() => Triaged, e => e.CorrelateById(context => context.Message.EscalationId));
        Event(() => StatusChanged, e =>
        {
            e.CorrelateById(context => context.Message.EscalationId);
            e.OnMissingInstance(missing => missing.Discard()); // status changes before the escalation was ever offered
        });
        Event(() => SeverityChanged, e =>
        {
            e.CorrelateById(context => context.Message.EscalationId);
            e.OnMissingInstance(missing => missing.Discard()); // a severity change before the escalation was ever offered
        });
        Event(() => Handoff, e =>
        {
            e.CorrelateById(context => context.Message.EscalationId);
            e.OnMissingInstance(missing => missing.Discard());
        });
        Schedule(() => AcknowledgementTimeout, offer => offer.AcknowledgementTimeoutTokenId, schedule =>
        {
            schedule.Received = received => received.CorrelateById(context => context.Message.EscalationId);
        });

        Initially(
            When(Triaged)
                .ThenAsync(context => context.GetServiceOrCreateInstance<OfferPlanner>().PlanAsync(context))
                .IfElse(context => context.Saga.UnroutableReason is null,
                    routed => routed
                        .Publish(context => OfferPlanner.Offered(context.Saga, Now(context)))
                        .Schedule(AcknowledgementTimeout, context => new AcknowledgementDue(context.Saga.CorrelationId), context => context.Saga.RespondBy)
                        .TransitionTo(Offered),
                    unroutable => unroutable
                        .Publish(context => OfferPlanner.Unroutable(context.Saga, Now(context)))
                        .TransitionTo(Unroutable)));

        During(Offered,
            When(AcknowledgementTimeout.Received)
                .ThenAsync(context => context.GetServiceOrCreateInstance<OfferPlanner>().MoveUpAsync(context.Saga, context.CancellationToken))
                .IfElse(context => context.Saga.TopOfPolicyAt is null,
                    moving => moving
                        .Publish(context => OfferPlanner.Offered(context.Saga, Now(context)))
                        .Schedule(AcknowledgementTimeout, context => new AcknowledgementDue(context.Saga.CorrelationId), context => context.Saga.RespondBy),
                    topOfThePolicy => topOfThePolicy
                        .Publish(context => OfferPlanner.Exhausted(context.Saga, Now(context)))),
            When(StatusChanged, context => SameTenant(context) && context.Message.To == EscalationStatus.Acknowledged)
                .Then(context => context.Saga.AcceptedById = context.Message.Actor.Id)
                .Unschedule(AcknowledgementTimeout)
                .TransitionTo(Accepted),
            When(StatusChanged, context => SameTenant(context) && context.Message.To is EscalationStatus.Resolved or EscalationStatus.Closed or EscalationStatus.Cancelled)
                .Unschedule(AcknowledgementTimeout)
                .TransitionTo(Finished),
            When(Handoff, context => HandedOver(context))
                .Then(context => OfferPlanner.HandOver(context.Saga, context.Message))
                .Unschedule(AcknowledgementTimeout)
                .TransitionTo(Accepted),
            When(SeverityChanged, context => context.Message.TenantId == context.Saga.TenantId)
                .ThenAsync(context => context.GetServiceOrCreateInstance<OfferPlanner>().ReplanAsync(context.Saga, context.Message, context.CancellationToken))
                .Publish(context => OfferPlanner.Offered(context.Saga, Now(context)) with { Replanned = true })
                .Unschedule(AcknowledgementTimeout)
                .Schedule(AcknowledgementTimeout, context => new AcknowledgementDue(context.Saga.CorrelationId), context => context.Saga.RespondBy),
            Ignore(StatusChanged));

        During(Accepted, Unroutable, Finished,
            When(SeverityChanged, context => context.Message.TenantId == context.Saga.TenantId)
                .Then(context => context.Saga.Severity = (int)context.Message.To)); // the owner's workload weighs it anew

        During(Accepted,
            When(Handoff, context => HandedOver(context))
                .Then(context => OfferPlanner.HandOver(context.Saga, context.Message)),
            When(StatusChanged, context => SameTenant(context) && context.Message.To is EscalationStatus.Closed or EscalationStatus.Cancelled)
                .TransitionTo(Finished),
            Ignore(StatusChanged));

        During(Finished, Unroutable, Ignore(StatusChanged));
        During(Finished, Unroutable, Ignore(Handoff));
        DuringAny(Ignore(Triaged)); // a re-triage does not re-route an escalation that already has an offer
    }

    private static DateTimeOffset Now(BehaviorContext<OfferState> context) => context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();

    /// <summary>An accepted handoff of this tenant's escalation: its receiver owns it now.</summary>
    private static bool HandedOver(BehaviorContext<OfferState, EscalationHandoff> context) =>
        context.Message.TenantId == context.Saga.TenantId && context.Message is { Step: HandoffStep.Accepted, AnsweredBy: not null };

    /// <summary>A status change names its tenant; one for another tenant's escalation changes nothing here.</summary>
    private static bool SameTenant(BehaviorContext<OfferState, EscalationStatusChanged> context) => context.Message.TenantId == context.Saga.TenantId;

    public State Offered { get; private set; } = null!;

    public State Accepted { get; private set; } = null!;

    public State Finished { get; private set; } = null!;

    public State Unroutable { get; private set; } = null!;

    public Event<EscalationTriaged> Triaged { get; private set; } = null!;

    public Event<EscalationStatusChanged> StatusChanged { get; private set; } = null!;

    public Event<EscalationSeverityChanged> SeverityChanged { get; private set; } = null!;

    public Event<EscalationHandoff> Handoff { get; private set; } = null!;

    public Schedule<OfferState, AcknowledgementDue> AcknowledgementTimeout { get; private set; } = null!;
}

/// <summary>Events for one escalation are taken one at a time within a process, so they do not collide.</summary>
public sealed class OfferStateDefinition : PartitionedSagaDefinition<OfferState>;
