using MassTransit;
using Microsoft.Extensions.Options;
using Notification.Api.Data;
using Notification.Api.Email;
using Notification.Api.Webhooks;
using Notification.Domain;

namespace Notification.Api.Deliveries;

/// <summary>Makes one attempt at a pending delivery. A failure is recorded and the next attempt scheduled through
/// the durable scheduler (<see cref="RetrySchedule"/>); after the last one the delivery is dead, kept for replay.</summary>
public sealed partial class DeliveryConsumer(
    NotificationDbContext db,
    SmtpMailer mailer,
    WebhookSender webhooks,
    IMessageScheduler scheduler,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<DeliveryConsumer> logger) : IConsumer<DeliveryDue>
{
    public async Task Consume(ConsumeContext<DeliveryDue> context)
    {
        var delivery = await db.Deliveries.FindAsync([context.Message.DeliveryId], context.CancellationToken);
        if (delivery is not { Status: DeliveryStatus.Pending })
        {
            return; // delivered or dead already (a replayed or duplicated announcement)
        }

        delivery.Attempts++;
        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            attempt.CancelAfter(options.Value.AttemptTimeout);
            await SendAsync(delivery, attempt.Token);
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = clock.GetUtcNow().UtcDateTime;
            delivery.NextAttemptAt = null;
            delivery.LastError = null;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var reason = DeliveryErrors.Describe(failure);
            delivery.LastError = reason;
            if (RetrySchedule.After(delivery.Attempts, options.Value.RetryScale) is { } delay)
            {
                var next = clock.GetUtcNow() + delay;
                delivery.NextAttemptAt = next.UtcDateTime;
                await scheduler.SchedulePublish(next.UtcDateTime, new DeliveryDue(delivery.Id), context.CancellationToken);
                LogRetry(failure, delivery.Id, delivery.Channel, delivery.Attempts, next, reason);
            }
            else
            {
                delivery.Status = DeliveryStatus.Dead;
                delivery.NextAttemptAt = null;
                LogDead(failure, delivery.Id, delivery.Channel, delivery.Attempts, reason);
            }
        }
    }

    private async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Channel == DeliveryChannel.Email)
        {
            await mailer.SendAsync(delivery.Id, delivery.Recipient, delivery.Subject, delivery.Body, cancellationToken);
            return;
        }

        var subscription = await db.Webhooks.FindAsync([delivery.SubscriptionId], cancellationToken)
            ?? throw new DeliveryFailedException("the webhook subscription was deleted");
        await webhooks.SendAsync(delivery.Id, subscription.Url, subscription.Secret, delivery.Body, cancellationToken);
    }

    // The exception (with the address that answered or was refused) is for operators; the tenant sees the reason only.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel}) failed attempt {Attempt}; next attempt at {NextAttemptAt}: {Reason}")]
    private partial void LogRetry(Exception failure, Guid deliveryId, string channel, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} ({Channel}) is dead after {Attempts} attempts: {Reason}")]
    private partial void LogDead(Exception failure, Guid deliveryId, string channel, int attempts, string reason);
}
