using EscalationPlatform.Messaging.Sagas;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Messaging;

/// <summary>What a service registers on its bus: consumers, and sagas persisted on its own DbContext.</summary>
public sealed class MessagingBuilder<TDbContext>(IBusRegistrationConfigurator bus) where TDbContext : DbContext
{
    /// <summary>MassTransit's registration, for anything not covered here.</summary>
    public IBusRegistrationConfigurator Bus { get; } = bus;

    public MessagingBuilder<TDbContext> AddConsumer<TConsumer>() where TConsumer : class, IConsumer
    {
        Bus.AddConsumer<TConsumer>();
        return this;
    }

    public MessagingBuilder<TDbContext> AddConsumer<TConsumer, TDefinition>()
        where TConsumer : class, IConsumer
        where TDefinition : class, IConsumerDefinition<TConsumer>
    {
        Bus.AddConsumer<TConsumer, TDefinition>();
        return this;
    }

    public MessagingBuilder<TDbContext> AddSagaStateMachine<TStateMachine, TSaga>()
        where TStateMachine : class, SagaStateMachine<TSaga>
        where TSaga : class, SagaStateMachineInstance
    {
        Bus.AddSagaStateMachine<TStateMachine, TSaga>().DbContextRepository<TDbContext, TSaga>();
        return this;
    }

    /// <summary>With a definition: the place to partition a saga's events by correlation id, so that events
    /// for one instance do not collide within a process (see the messaging benchmark); a
    /// <see cref="Sagas.PartitionedSagaDefinition{TSaga}"/> does that for every event the state machine declares.</summary>
    public MessagingBuilder<TDbContext> AddSagaStateMachine<TStateMachine, TSaga, TDefinition>()
        where TStateMachine : class, SagaStateMachine<TSaga>
        where TSaga : class, SagaStateMachineInstance
        where TDefinition : class, ISagaDefinition<TSaga>
    {
        Bus.AddSagaStateMachine<TStateMachine, TSaga, TDefinition>().DbContextRepository<TDbContext, TSaga>();
        return this;
    }
}
