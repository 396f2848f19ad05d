using System.Reflection;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationPlatform.Messaging.Sagas;

/// <summary>Takes the events of one saga instance one at a time within a process, so that they do not collide on
/// the instance's row (see the messaging benchmark). Every message the state machine correlates by id is
/// partitioned by that id, ahead of the repository: the state machine's own correlation (<c>CorrelateById</c>,
/// including a schedule's <c>Received</c>) names the key, so the definition lists no message types and a new event
/// is partitioned as soon as the machine declares it. A message correlated by a query has no id before the
/// repository and is not partitioned. A saga's definition is a one-liner:
/// <c>public sealed class OfferStateDefinition : PartitionedSagaDefinition&lt;OfferState&gt;;</c></summary>
public class PartitionedSagaDefinition<TSaga> : SagaDefinition<TSaga> where TSaga : class, SagaStateMachineInstance
{
    /// <summary>Partitions per receive endpoint: up to this many instances move at once.</summary>
    public const int Partitions = 16;

    private static readonly MethodInfo PartitionMessage =
        typeof(PartitionedSagaDefinition<TSaga>).GetMethod(nameof(Partition), BindingFlags.NonPublic | BindingFlags.Static)!;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<TSaga> sagaConfigurator,
        IRegistrationContext context)
    {
        var partitioner = endpointConfigurator.CreatePartitioner(Partitions);
        foreach (var correlation in context.GetRequiredService<SagaStateMachine<TSaga>>().Correlations.DistinctBy(correlation => correlation.DataType))
        {
            PartitionMessage.MakeGenericMethod(correlation.DataType).Invoke(null, [sagaConfigurator, correlation, partitioner]);
        }
    }

    /// <summary>The correlation's own filter sets the correlation id on the context (as it will again in front of the
    /// repository); the partitioner keys on it.</summary>
    private static void Partition<TMessage>(ISagaConfigurator<TSaga> saga, EventCorrelation<TSaga, TMessage> correlation, IPartitioner partitioner)
        where TMessage : class
    {
        if (correlation.MessageFilter is not { } correlate)
        {
            return;
        }

        saga.Message<TMessage>(message =>
        {
            message.UseFilter(correlate);
            message.UsePartitioner(partitioner, consumed => consumed.CorrelationId
                ?? throw new InvalidOperationException($"{typeof(TMessage).Name} has no correlation id for {typeof(TSaga).Name}."));
        });
    }
}
