using EscalationPlatform.Messaging.Recovery;
using EscalationPlatform.Messaging.Scheduling;
using MassTransit;
using MassTransit.Logging;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Messaging.Outbox;

/// <summary>Hands committed outbox messages to RabbitMQ: immediate ones as soon as they commit, scheduled ones at
/// their due time. It sleeps until the earliest due time or until a commit wakes it. Rows are claimed with
/// FOR UPDATE SKIP LOCKED, so any number of instances deliver side by side without sending a row twice; a row
/// is deleted in the transaction that claimed it, after the broker confirmed it. A crash between the two sends
/// it again later, and the receiving inbox drops the copy.</summary>
public sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    BrokerRecovery recovery,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DeliveryEnabled)
        {
            LogDisabled();
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var nextDue = await DeliverDueMessagesAsync(stoppingToken);
                failures = 0;
                var untilDue = nextDue is { } due ? due - clock.GetUtcNow().UtcDateTime : _options.IdlePollInterval;
                await signal.WaitAsync(untilDue < _options.IdlePollInterval ? untilDue : _options.IdlePollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                failures++;
                LogDeliveryFailed(error.Message, failures);
                using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, recovery.Recovered); // the broker back ends the pause
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, failures), 5_000)), pause.Token)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Delivers batches until nothing is due; returns when the next message falls due (null if none). A batch
    /// is taken off the table and sent in one transaction (two round trips), which commits once the broker confirmed
    /// every message; if some were not confirmed it rolls back and only the confirmed ones are then removed.</summary>
    private async Task<DateTime?> DeliverDueMessagesAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            List<OutboxMessage> batch;
            await using (var transaction = await dbContext.Database.BeginTransactionAsync(stoppingToken))
            {
                batch = await dbContext.Set<OutboxMessage>()
                    .FromSql($"""
                        DELETE FROM outbox_message WHERE sequence_number IN (
                            SELECT sequence_number FROM outbox_message WHERE due_at <= {now}
                            ORDER BY due_at, sequence_number LIMIT {_options.DeliveryBatchSize} FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """)
                    .AsNoTracking()
                    .ToListAsync(stoppingToken);
                if (batch.Count == 0)
                {
                    await transaction.CommitAsync(stoppingToken);
                    return await NextDueAsync(dbContext, stoppingToken);
                }

                // The broker answering again after an outage cuts sends still waiting on the old connection: they start over
                // on a fresh one at once instead of after MassTransit's retry pause. Unconfirmed rows stay for the next batch.
                var recovered = recovery.Recovered;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, recovered);
                timeout.CancelAfter(_options.DeliveryTimeout);
                var sent = await Task.WhenAll(batch.Select(message => TrySendAsync(message, now, timeout.Token)));
                if (sent.All(confirmed => confirmed))
                {
                    await transaction.CommitAsync(stoppingToken);
                }
                else
                {
                    await transaction.RollbackAsync(stoppingToken);
                    var done = batch.Where((_, index) => sent[index]).Select(message => message.SequenceNumber).ToArray();
                    await dbContext.Set<OutboxMessage>().Where(message => done.Contains(message.SequenceNumber)).ExecuteDeleteAsync(stoppingToken);
                    if (!recovered.IsCancellationRequested)
                    {
                        throw new OutboxDeliveryException($"{batch.Count - done.Length} of {batch.Count} outbox messages were not taken by the broker");
                    }

                    LogCutByRecovery(batch.Count - done.Length, batch.Count);
                    continue;
                }
            }

            if (batch.Count < _options.DeliveryBatchSize)
            {
                // Nothing else was due when this batch was taken; rows committed since raise the signal.
                return await NextDueAsync(dbContext, stoppingToken);
            }
        }
    }

    private static Task<DateTime?> NextDueAsync(TDbContext dbContext, CancellationToken cancellationToken) =>
        dbContext.Set<OutboxMessage>().MinAsync(message => (DateTime?)message.DueAt, cancellationToken);

    private async Task<bool> TrySendAsync(OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        if (message.ExpirationTime is { } expiration && expiration < now)
        {
            MessagingTelemetry.Expired.Add(1);
            LogExpired(message.MessageId, message.MessageType);
            return true;
        }

        message.PrepareForDelivery();
        var lateBy = message.TokenId is null ? TimeSpan.Zero : now - message.DueAt;
        if (message.TokenId is not null)
        {
            MessagingTelemetry.TimerLateness.Record(Math.Max(0, lateBy.TotalMilliseconds));
        }

        var activity = LogContext.Current?.StartOutboxDeliverActivity(message);
        try
        {
            // WaitAsync: a send stuck on a dead connection that does not observe its token must not hold the batch (and every
            // later message) forever; if it completes after all, the copy sent again later is dropped by the receiving inbox.
            var endpoint = await bus.GetSendEndpoint(message.DestinationAddress).WaitAsync(cancellationToken);
            await endpoint.Send(new SerializedMessageBody(), new DeliveryPipe(message, lateBy > _options.LateThreshold ? lateBy : null), cancellationToken)
                .WaitAsync(cancellationToken);
            MessagingTelemetry.Delivered.Add(1);
            return true;
        }
        catch (Exception error)
        {
            activity?.AddExceptionEvent(error);
            MessagingTelemetry.DeliveryFailed.Add(1);
            return false;
        }
        finally
        {
            activity?.Stop();
        }
    }

    /// <summary>Restores the stored envelope (id, headers, body) and says when a timer fired late.</summary>
    private sealed class DeliveryPipe(OutboxMessage message, TimeSpan? lateBy) : IPipe<SendContext>
    {
        private readonly OutboxMessageSendPipe _envelope = new(message, message.DestinationAddress);

        public async Task Send(SendContext context)
        {
            await _envelope.Send(context);
            context.Delay = null; // the outbox did the waiting; the broker has no delayed exchange
            if (lateBy is { } late)
            {
                context.Headers.Set(TimerHeaders.LateByMilliseconds, (long)late.TotalMilliseconds);
            }
        }

        public void Probe(ProbeContext context) => _envelope.Probe(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery is disabled (Messaging:DeliveryEnabled=false): messages stay in the outbox")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery failed ({Failures} in a row), retrying: {Reason}")]
    private partial void LogDeliveryFailed(string reason, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker back: {Unsent} of {Batch} outbox messages still waiting on the old connection are sent again now")]
    private partial void LogCutByRecovery(int unsent, int batch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({MessageType}) expired before delivery and was dropped")]
    private partial void LogExpired(Guid messageId, string messageType);
}

public sealed class OutboxDeliveryException(string message) : Exception(message);
