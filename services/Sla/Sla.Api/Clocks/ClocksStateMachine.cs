using EscalationPlatform.Contracts;
using EscalationPlatform.Messaging.Sagas;
using MassTransit;
using Sla.Domain;

namespace Sla.Api.Clocks;

/// <summary>Starts an escalation's clocks when it is triaged (counting from its submission), follows its status,
/// severity and customer updates, and wakes at each threshold through one durable timer. After every change it tells the
/// customer side what is promised now (CustomerCommitmentUpdated).</summary>
public sealed class ClocksStateMachine : MassTransitStateMachine<ClocksState>
{
    public ClocksStateMachine()
    {
        InstanceState(clocks => clocks.CurrentState);
        Event(() => Triaged, e => e.CorrelateById(context => context.Message.EscalationId));
        Event(() => StatusChanged, e =>
        {
            e.CorrelateById(context => context.Message.EscalationId);
            e.OnMissingInstance(missing => missing.Discard()); // before triage there are no clocks
        });
        Event(() => CustomerUpdate, e =>
        {
            e.CorrelateById(context => context.Message.EscalationId);
            e.OnMissingInstance(missing => missing.Discard());
        });
        Event(() => SeverityChanged, e =>
        {
            e.CorrelateById(context => context.Message.EscalationId);
            e.OnMissingInstance(missing => missing.Discard());
        });
        Event(() => Replan, e =>
        {
            e.CorrelateById(context => context.Message.EscalationId);
            e.OnMissingInstance(missing => missing.Discard());
        });
        Schedule(() => Timer, clocks => clocks.TimerTokenId, schedule =>
        {
            schedule.Received = received => received.CorrelateById(context => context.Message.EscalationId);
        });

        Initially(
            PlanNextLook(When(Triaged)
                .Then(context => Start(context.Saga, context.Message))
                .ThenAsync(context => KeepAndCommit(context, message: null))
                .TransitionTo(Tracking)));

        During(Tracking,
            When(StatusChanged, context => SameTenant(context) && IsNews(context) && context.Message.To is EscalationStatus.Closed or EscalationStatus.Cancelled)
                .Then(context => Follow(context, context.Message))
                .ThenAsync(context => KeepAndCommit(context, message: null))
                .Unschedule(Timer)
                .TransitionTo(Ended),
            PlanNextLook(When(StatusChanged, context => SameTenant(context) && IsNews(context))
                .Then(context => Follow(context, context.Message))
                .ThenAsync(context => KeepAndCommit(context, message: null))),
            Ignore(StatusChanged), // the status the clocks started in (Triaged), reported after they started
            Ignore(CustomerUpdate),
            PlanNextLook(When(SeverityChanged, context => context.Message.TenantId == context.Saga.TenantId && (int)context.Message.To != context.Saga.Severity)
                .Then(context => context.Saga.Severity = (int)context.Message.To)
                .ThenAsync(context => KeepAndCommit(context, message: null))),
            Ignore(SeverityChanged),
            PlanNextLook(When(CustomerUpdate, context => context.Message.TenantId == context.Saga.TenantId)
                .Then(context => Keeper(context).Record(context.Saga, new CustomerUpdated(context.Message.At)))
                .ThenAsync(context => KeepAndCommit(context, context.Message.Message))),
            PlanNextLook(When(Timer.Received)
                .ThenAsync(context => Keeper(context).KeepAsync(context.Saga, context, context.CancellationToken))),
            PlanNextLook(When(Replan, context => context.Message.TenantId == context.Saga.TenantId)
                .ThenAsync(async context =>
                {
                    if (await Keeper(context).TargetsChangedAsync(context.Saga, context.Message, context.CancellationToken) is { } changed)
                    {
                        await context.Publish(changed);
                    }
                })
                .ThenAsync(context => KeepAndCommit(context, message: null, atLeast: context.Message.Version))),
            Ignore(Replan));

        During(Ended,
            PlanNextLook(When(StatusChanged, context => SameTenant(context) && IsNews(context) && context.Message.To == EscalationStatus.Reopened)
                .Then(context => Follow(context, context.Message))
                .ThenAsync(context => KeepAndCommit(context, message: null))
                .TransitionTo(Tracking)),
            Ignore(StatusChanged),
            Ignore(CustomerUpdate),
            When(SeverityChanged, context => context.Message.TenantId == context.Saga.TenantId)
                .Then(context => context.Saga.Severity = (int)context.Message.To), // for a reopening: clocks resume under it
            Ignore(Timer.Received),
            Ignore(Replan));

        DuringAny(Ignore(Triaged)); // a re-triage keeps the clocks that are running
    }

    /// <summary>A status change names its tenant; one for another tenant's escalation changes nothing here.</summary>
    private static bool SameTenant(BehaviorContext<ClocksState, EscalationStatusChanged> context) => context.Message.TenantId == context.Saga.TenantId;

    /// <summary>A change to another status than the one known, and no older than it.</summary>
    private static bool IsNews(BehaviorContext<ClocksState, EscalationStatusChanged> context) =>
        context.Message.To != context.Saga.Status
        && (context.Saga.StatusAt is not { } known || context.Message.At.UtcDateTime >= known);

    /// <summary>The name the state of running clocks is stored by.</summary>
    public const string TrackingState = nameof(Tracking);

    public State Tracking { get; private set; } = null!;

    public State Ended { get; private set; } = null!;

    public Event<EscalationTriaged> Triaged { get; private set; } = null!;

    public Event<EscalationStatusChanged> StatusChanged { get; private set; } = null!;

    public Event<CustomerUpdatePosted> CustomerUpdate { get; private set; } = null!;

    /// <summary>A person or triage changed the severity: the clocks are derived again under its targets, from the same history.</summary>
    public Event<EscalationSeverityChanged> SeverityChanged { get; private set; } = null!;

    public Schedule<ClocksState, EvaluateClocks> Timer { get; private set; } = null!;

    /// <summary>A new SLA policy was published: the clocks are derived again under it and the timer moved.</summary>
    public Event<ReplanClocks> Replan { get; private set; } = null!;

    /// <summary>Puts the one timer at the next threshold the keeper found (moving it, or removing it when none is left).</summary>
    private EventActivityBinder<ClocksState, T> PlanNextLook<T>(EventActivityBinder<ClocksState, T> binder) where T : class =>
        binder.IfElse(context => context.Saga.NextEvaluationAt is not null,
            next => next.Schedule(Timer, context => new EvaluateClocks(context.Saga.CorrelationId), context => context.Saga.NextEvaluationAt!.Value),
            none => none.Unschedule(Timer));

    private static void Start(ClocksState state, EscalationTriaged triaged)
    {
        state.TenantId = triaged.TenantId;
        state.Key = triaged.Key;
        state.Title = triaged.Title;
        (state.CustomerId, state.CustomerName, state.CustomerEmail) = (triaged.Facts.Customer.Id, triaged.Facts.Customer.Name, triaged.Facts.Customer.ContactEmail);
        state.Severity = (int)triaged.Severity;
        state.Tier = triaged.Facts.Customer.Tier;
        state.ContractualSla = triaged.Facts.Customer.ContractualSla;
        state.TimeZone = triaged.Facts.Customer.TimeZone;
        state.Status = EscalationStatus.Triaged;
        state.StatusAt = triaged.TriagedAt.UtcDateTime;
        state.History = [ClockHistoryEntry.From(new CaseOpened(triaged.Facts.SubmittedAt))];
    }

    private static void Follow(BehaviorContext<ClocksState> context, EscalationStatusChanged change)
    {
        context.Saga.Status = change.To;
        context.Saga.StatusAt = change.At.UtcDateTime;
        if (StatusClockEvents.For(change.From, change.To, change.At) is { } happened)
        {
            Keeper(context).Record(context.Saga, happened);
        }
    }

    private static async Task KeepAndCommit(BehaviorContext<ClocksState> context, string? message, int atLeast = 0)
    {
        var report = await Keeper(context).KeepAsync(context.Saga, context, context.CancellationToken, atLeast);
        if (ClockKeeper.Commitment(context.Saga, report, message, context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow()) is { } commitment)
        {
            await context.Publish(commitment);
        }
    }

    private static ClockKeeper Keeper(BehaviorContext<ClocksState> context) => context.GetServiceOrCreateInstance<ClockKeeper>();
}

/// <summary>Events for one escalation are taken one at a time within a process, so they do not collide.</summary>
public sealed class ClocksStateDefinition : PartitionedSagaDefinition<ClocksState>;
