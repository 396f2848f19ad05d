using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EscalationPlatform.SagaTesting;

/// <summary>One state machine on MassTransit's in-memory test harness, registered with its definition (the
/// partitioning the service uses), an in-memory saga repository, a fake clock (also the <see cref="TimeProvider"/>
/// the saga's collaborators get) and <see cref="ManualTimers"/>. Every call waits for a harness signal, never for
/// time: <see cref="PublishAsync{T}"/> returns once the saga's endpoint consumed the message, <see cref="AdvanceAsync"/>
/// once the timers that fell due were consumed.</summary>
public sealed class SagaHarness<TStateMachine, TSaga> : IAsyncDisposable
    where TStateMachine : class, SagaStateMachine<TSaga>
    where TSaga : class, SagaStateMachineInstance
{
    private readonly ServiceProvider _services;

    private SagaHarness(ServiceProvider services, FakeTimeProvider time, ManualTimers timers)
    {
        _services = services;
        Time = time;
        Timers = timers;
        Bus = services.GetRequiredService<ITestHarness>();
        Saga = Bus.GetSagaStateMachineHarness<TStateMachine, TSaga>();
    }

    public FakeTimeProvider Time { get; }

    public ManualTimers Timers { get; }

    public ITestHarness Bus { get; }

    public ISagaStateMachineTestHarness<TStateMachine, TSaga> Saga { get; }

    public TStateMachine Machine => Saga.StateMachine;

    /// <summary>Starts the harness with the clock at <paramref name="now"/>; <paramref name="collaborators"/> registers what the saga's activities resolve.</summary>
    public static async Task<SagaHarness<TStateMachine, TSaga>> StartAsync<TDefinition>(DateTimeOffset now, Action<IServiceCollection> collaborators)
        where TDefinition : class, ISagaDefinition<TSaga>
    {
        var time = new FakeTimeProvider(now);
        var timers = new ManualTimers(time);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        collaborators(services);
        services.AddOptions<TestHarnessOptions>().Configure(options => options.TestInactivityTimeout = TimeSpan.FromSeconds(10));
        services.AddMassTransitTestHarness(TextWriter.Null, bus =>
        {
            bus.AddSagaStateMachine<TStateMachine, TSaga, TDefinition>();
            bus.UsingInMemory((context, inMemory) =>
            {
                inMemory.AddPrePipeSpecification(new ManualTimers.Filter(timers, context));
                inMemory.ConfigureEndpoints(context);
            });
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = new SagaHarness<TStateMachine, TSaga>(provider, time, timers);
        await harness.Bus.Start();
        return harness;
    }

    /// <summary>Publishes the message and waits until it was consumed (by an instance, or discarded for want of one).</summary>
    public async Task PublishAsync<T>(T message) where T : class
    {
        var messageId = NewId.NextGuid();
        await Bus.Bus.Publish(message, context => context.MessageId = messageId);
        await Bus.ConsumedAsync<T>(messageId);
    }

    /// <summary>Sends the message straight to the saga's endpoint (as a timer would) and waits until it was consumed.</summary>
    public async Task SendAsync<T>(T message) where T : class
    {
        var messageId = NewId.NextGuid();
        await (await Bus.GetSagaEndpoint<TSaga>()).Send(message, context => context.MessageId = messageId);
        await Bus.ConsumedAsync<T>(messageId);
    }

    /// <summary>Moves the clock on and fires the timers that fell due; returns how many fired.</summary>
    public Task<int> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return Timers.FireDueAsync(Bus);
    }

    /// <summary>The instance as it stands now (null when there is none). Reads only what the harness holds already: the
    /// harness's own synchronous lists wait for the bus to fall idle, and once it has, no wait sees a later message.</summary>
    public async Task<TSaga?> InstanceAsync(Guid correlationId)
    {
        await foreach (var instance in Saga.Sagas.SelectAsync(saga => saga.CorrelationId == correlationId, Already))
        {
            return instance.Saga;
        }

        return null;
    }

    /// <summary>What was published of type <typeparamref name="T"/> so far, oldest first (see <see cref="InstanceAsync"/>).</summary>
    public async Task<IReadOnlyList<T>> PublishedAsync<T>(Func<T, bool>? filter = null) where T : class
    {
        var published = new List<T>();
        await foreach (var message in Bus.Published.SelectAsync<T>(Already))
        {
            if (filter?.Invoke(message.Context.Message) ?? true)
            {
                published.Add(message.Context.Message);
            }
        }

        return published;
    }

    private static CancellationToken Already => new(canceled: true);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

public static class HarnessSignals
{
    /// <summary>Waits until the bus consumed the message with this id (by a consumer, a saga instance, or discarded for want of one).</summary>
    public static async Task ConsumedAsync<T>(this ITestHarness harness, Guid messageId) where T : class
    {
        if (!await harness.Consumed.Any<T>(consumed => consumed.Context.MessageId == messageId))
        {
            throw new TimeoutException($"{typeof(T).Name} {messageId} was not consumed within the harness timeout.");
        }
    }
}
