using EscalationPlatform.Messaging.Outbox;
using EscalationPlatform.Messaging.Retries;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Messaging.Inbox;

/// <summary>Runs every consumer and saga in one database transaction with its inbox record and its outbox:
/// the message's effects, the fact that this endpoint consumed it, and what it publishes, sends or schedules
/// commit together or not at all. A message id this endpoint already consumed is acknowledged without effect.
/// Retries run outside this filter, so each attempt starts a fresh transaction; an attempt that failed because the
/// database is unreachable first waits for it to answer (<see cref="MessagingOptions.DatabaseOutageWait"/>), so a
/// restart does not use up the retries and send the message to the error queue. A <see cref="SignalMessage"/> is
/// consumed as it is: it keeps nothing, so a duplicate only repeats a harmless signal; so is each <see cref="BatchedMessage"/>,
/// whose batch then runs in one transaction with its outbox, without an inbox record (see <see cref="IsBatch"/>).</summary>
public sealed partial class TransactionalConsumeFilter<TMessage>(
    IOutboxWriter outbox, IBus bus, TimeProvider clock, IOptions<MessagingOptions> options, IEnumerable<SignalMessage> signals,
    IEnumerable<BatchedMessage> batched,
    ILogger<TransactionalConsumeFilter<TMessage>> logger)
    : IFilter<ConsumeContext<TMessage>> where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        if (signals.Any(signal => signal.Type == typeof(TMessage)) || batched.Any(batch => batch.Type == typeof(TMessage)))
        {
            await next.Send(context); // a signal keeps nothing; a batched message waits for its batch, which has the transaction
            return;
        }

        try
        {
            await ConsumeInTransactionAsync(context, next, inbox: !IsBatch);
        }
        catch (Exception failure) when (DatabaseOutage.Caused(failure) && !context.CancellationToken.IsCancellationRequested)
        {
            LogDatabaseUnreachable(context.MessageId, typeof(TMessage).Name, options.Value.DatabaseOutageWait);
            await DatabaseOutage.WaitUntilBackAsync(outbox.DbContext, options.Value.DatabaseOutageWait, clock, context.CancellationToken);
            throw;
        }
        finally
        {
            outbox.EndUnitOfWork();
        }
    }

    /// <summary>A batch (<c>Batch&lt;T&gt;</c>) carries the message id of its last message only: an inbox record under it would
    /// make a later batch that ends with a redelivered copy of that message skip every other message in it. A batch
    /// commits in one transaction with its outbox, and its consumer answers duplicates itself.</summary>
    private static readonly bool IsBatch = typeof(TMessage).IsGenericType && typeof(TMessage).GetGenericTypeDefinition() == typeof(Batch<>);

    private async Task ConsumeInTransactionAsync(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next, bool inbox)
    {
        var dbContext = outbox.DbContext;
        dbContext.ChangeTracker.Clear();
        await using var transaction = await dbContext.Database.BeginTransactionAsync(context.CancellationToken);
        var endpoint = EndpointName(context.ReceiveContext.InputAddress);
        if (inbox && context.MessageId is { } messageId)
        {
            // Written by the first save, in the same round trip as the consumer's own changes. A copy already consumed
            // makes that save fail on the inbox's key (a concurrent copy waits for the first to commit, then fails).
            dbContext.Add(new InboxMessage { MessageId = messageId, Endpoint = endpoint, ReceivedAt = clock.GetUtcNow().UtcDateTime });
        }

        try
        {
            await next.Send(new OutboxConsumeContext<TMessage>(context, outbox, bus.Topology));
            await dbContext.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception failure) when (inbox && context.MessageId is not null && !DatabaseOutage.Caused(failure))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            if (!await InboxStore.ContainsAsync(dbContext, context.MessageId.Value, endpoint, context.CancellationToken))
            {
                throw;
            }

            // However the copy failed (on the inbox's key, or earlier on state the first copy already changed), it had no effect.
            MessagingTelemetry.Duplicates.Add(1);
            LogDuplicate(context.MessageId.Value, endpoint, typeof(TMessage).Name);
            return;
        }

        // Not cancellable: once the work is done, shutting down must not turn a commit into a rollback halfway.
        await transaction.CommitAsync(CancellationToken.None);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("transactionalInboxOutbox");

    /// <summary>The queue name: each consumer and saga has its own endpoint, so this identifies who consumed.</summary>
    public static string EndpointName(Uri inputAddress) => inputAddress.Segments[^1].Trim('/');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({MessageType}) failed because the database is unreachable; waiting up to {Longest} for it before the next attempt")]
    private partial void LogDatabaseUnreachable(Guid? messageId, string messageType, TimeSpan longest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} ({MessageType}) was already consumed by {Endpoint}: no second effect")]
    private partial void LogDuplicate(Guid messageId, string endpoint, string messageType);
}
