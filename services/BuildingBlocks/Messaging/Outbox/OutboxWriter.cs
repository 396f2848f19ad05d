using System.Globalization;
using EscalationPlatform.Messaging.Scheduling;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Context;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationPlatform.Messaging.Outbox;

/// <summary>Turns every message sent or published in a unit of work into an <see cref="OutboxMessage"/> on the
/// unit's DbContext, so it is written by the same SaveChanges, in the same transaction, as the state change
/// that caused it. One per DI scope (a request, or a consumed message). A message sent after the unit of work
/// has ended (a fault reported once the consumer's transaction rolled back) is stored in a transaction of its own.</summary>
public sealed class OutboxWriter<TDbContext>(TDbContext dbContext, IServiceScopeFactory scopes, IServiceProvider services, TimeProvider clock)
    : IOutboxWriter where TDbContext : DbContext
{
    private bool _ended;

    public DbContext DbContext => dbContext;

    public object? GetService(Type serviceType) => services.GetService(serviceType);

    public void EndUnitOfWork() => _ended = true;

    public async Task AddSend<T>(SendContext<T> context) where T : class
    {
        var message = ToOutboxMessage(context);
        if (!_ended)
        {
            dbContext.Add(message);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var ownTransaction = scope.ServiceProvider.GetRequiredService<TDbContext>();
        ownTransaction.Add(message);
        await ownTransaction.SaveChangesAsync(context.CancellationToken);
    }

    private OutboxMessage ToOutboxMessage<T>(SendContext<T> context) where T : class
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} has no message id."),
            DueAt = DueAt(context, now),
            TokenId = context.Headers.Get<Guid>(MessageHeaders.SchedulingTokenId),
            DestinationAddress = context.DestinationAddress ?? throw new InvalidOperationException($"A {typeof(T).Name} has no destination."),
            ContentType = context.ContentType?.ToString() ?? context.Serialization.DefaultContentType.ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            Body = context.Serializer.GetMessageBody(context).GetString(),
            Headers = HeaderSerialization.Write(context.Headers.GetAll()),
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
            SentTime = context.SentTime ?? now,
            ExpirationTime = context.TimeToLive is { } timeToLive ? now + timeToLive : null,
        };
        if (context is TransportSendContext<T> transport)
        {
            var properties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transport.WritePropertiesTo(properties);
            message.Properties = HeaderSerialization.Write(properties);
        }

        return message;
    }

    /// <summary>A scheduled message says when in a header; a delayed send (Delay set) is due after the delay;
    /// everything else is due at once.</summary>
    private static DateTime DueAt(SendContext context, DateTime now)
    {
        if (context.Headers.Get<string>(TimerHeaders.ScheduledFor) is { } scheduled
            && DateTime.TryParse(scheduled, null, DateTimeStyles.RoundtripKind, out var scheduledFor))
        {
            return scheduledFor;
        }

        return context.Delay is { } delay && delay > TimeSpan.Zero ? now + delay : now;
    }

    public async Task<bool> CancelScheduled(Guid tokenId, CancellationToken cancellationToken)
    {
        var pending = dbContext.ChangeTracker.Entries<OutboxMessage>()
            .Where(entry => entry.State == EntityState.Added && entry.Entity.TokenId == tokenId)
            .ToList();
        foreach (var entry in pending)
        {
            entry.State = EntityState.Detached;
        }

        var deleted = await dbContext.Set<OutboxMessage>().Where(message => message.TokenId == tokenId).ExecuteDeleteAsync(cancellationToken);
        return pending.Count + deleted > 0;
    }
}

/// <summary>The outbox of the current unit of work (see <see cref="OutboxWriter{TDbContext}"/>).</summary>
public interface IOutboxWriter : OutboxSendContext
{
    DbContext DbContext { get; }

    /// <summary>Called when the unit's transaction is over (committed or rolled back): later messages are
    /// stored on their own.</summary>
    void EndUnitOfWork();

    /// <summary>Removes a scheduled message that has not been delivered; true if there was one.</summary>
    Task<bool> CancelScheduled(Guid tokenId, CancellationToken cancellationToken);
}
