using MassTransit;

namespace Messaging.TestWorker;

public sealed class CounterState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = null!;

    public int Count { get; set; }

    /// <summary>Bit n is set once step n was applied: a lost step leaves a hole, a repeated one raises Count.</summary>
    public long AppliedSteps { get; set; }

    public uint RowVersion { get; set; }
}

/// <summary>Counts increments; the first increment of a counter creates it, so first increments race to insert.</summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public CounterStateMachine()
    {
        InstanceState(counter => counter.CurrentState);
        Event(() => Incremented, e => e.CorrelateById(context => context.Message.CounterId));

        Initially(When(Incremented).Then(Apply).TransitionTo(Counting));
        During(Counting, When(Incremented).Then(Apply));
    }

    public State Counting { get; private set; } = null!;

    public Event<IncrementCounter> Incremented { get; private set; } = null!;

    private static void Apply(BehaviorContext<CounterState, IncrementCounter> context)
    {
        context.Saga.Count++;
        context.Saga.AppliedSteps |= 1L << context.Message.Step;
    }
}

/// <summary>Events for one counter are processed one at a time in a process (partitioned by counter), so they
/// do not collide with each other; instances on other processes still meet the optimistic check.</summary>
public sealed class CounterStateDefinition : SagaDefinition<CounterState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<CounterState> sagaConfigurator,
        IRegistrationContext context)
    {
        var partition = endpointConfigurator.CreatePartitioner(16);
        sagaConfigurator.Message<IncrementCounter>(message => message.UsePartitioner(partition, consumed => consumed.Message.CounterId));
    }
}
