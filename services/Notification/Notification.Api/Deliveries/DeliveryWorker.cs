using System.Diagnostics;
using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using Notification.Api.Data;
using Notification.Api.Email;
using Notification.Api.Rules;
using Notification.Api.Webhooks;
using Notification.Domain;

namespace Notification.Api.Deliveries;

/// <summary>Delivers from the delivery table, which is the durable record of every notification. It takes due
/// pending deliveries with a lease (one short UPDATE ... FOR UPDATE SKIP LOCKED, so any number of replicas work side
/// by side and none takes a delivery another holds), makes one attempt at each (a few at a time, each with its own
/// timeout), and records each outcome in its own small update: delivered, or due again after the
/// <see cref="RetrySchedule"/> delay, or dead after the last attempt. It sleeps until the earliest due attempt, a
/// notification (<see cref="DeliverySignal"/>) or the idle poll, whichever comes first.
/// A worker that dies between an attempt and its record leaves the delivery leased; it is attempted again when the
/// lease runs out. Email is therefore at least once, with the delivery id as Message-ID, and a webhook carries the
/// delivery id as its webhook-id, so a receiver can tell a resend.</summary>
public sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes,
    DeliverySignal signal,
    SmtpMailer mailer,
    WebhookSender webhooks,
    IOptions<NotificationOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly NotificationOptions _options = options.Value;

    private DeliveryWorkerOptions Worker => _options.Worker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var nextDue = await DeliverDueAsync(stoppingToken);
                failures = 0;
                var untilDue = nextDue is { } due ? due - clock.GetUtcNow().UtcDateTime : Worker.IdlePollInterval;
                await signal.WaitAsync(untilDue < Worker.IdlePollInterval ? untilDue : Worker.IdlePollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                failures++;
                LogWorkerFailed(error, failures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, failures), 5_000)), stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Attempts batches until nothing is due; returns when the worker should look again (null: nothing
    /// pending).</summary>
    private async Task<DateTime?> DeliverDueAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var taken = await TakeDueAsync(stoppingToken);
            if (taken.Count == 0)
            {
                return await NextDueAsync(stoppingToken);
            }


            // Once stopping, no new attempt starts; those under way finish and are recorded (see AttemptAsync). A
            // recipient's digest deliveries due together go as one message.
            await Parallel.ForEachAsync(DigestMessage.Units(taken), new ParallelOptions { MaxDegreeOfParallelism = Worker.Parallelism, CancellationToken = stoppingToken },
                async (unit, _) => await AttemptAsync(unit));
        }
    }

    /// <summary>Leases the due pending deliveries that no other worker holds, and with a recipient's due digest deliveries
    /// the rest of that recipient's digest window: notices planned at the same moment by concurrent consumers each
    /// started a window a few moments apart, and belong in one digest (those held longer, by quiet hours, stay held). A
    /// recipient's digest is taken by one worker at a time (a lock on the recipient for the transaction), so replicas
    /// never split it.</summary>
    private async Task<List<Delivery>> TakeDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + Worker.Lease;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Deliveries
            .FromSql($"""
                UPDATE delivery SET "LeaseUntil" = {leaseUntil}
                WHERE "Id" IN (
                    SELECT "Id" FROM delivery
                    WHERE "Status" = {DeliveryStatus.Pending} AND "NextAttemptAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                        AND (NOT "Digest" OR pg_try_advisory_xact_lock(hashtextextended('notification:digest:' || "TenantId" || ' ' || "Recipient", 0)))
                    ORDER BY "NextAttemptAt" LIMIT {Worker.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var recipients = taken.Where(delivery => delivery.Digest && delivery.Channel == DeliveryChannel.Email)
            .Select(delivery => (delivery.TenantId, delivery.Recipient)).Distinct().ToList();
        if (recipients.Count > 0)
        {
            var settings = scope.ServiceProvider.GetRequiredService<NotificationSettings>();
            var ids = taken.Select(delivery => delivery.Id).ToArray();
            foreach (var (tenantId, recipient) in recipients)
            {
                var until = now + TimeSpan.FromMinutes((await settings.RulesAsync(tenantId, cancellationToken)).DigestMinutes);
                taken.AddRange(await db.Deliveries
                    .FromSql($"""
                        UPDATE delivery SET "LeaseUntil" = {leaseUntil}
                        WHERE "Id" IN (
                            SELECT "Id" FROM delivery
                            WHERE "TenantId" = {tenantId} AND "Recipient" = {recipient} AND "Digest" AND "NextAttemptAt" IS NOT NULL
                                AND "NextAttemptAt" <= {until} AND "Status" = {DeliveryStatus.Pending}
                                AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now}) AND NOT ("Id" = ANY({ids}))
                            ORDER BY "NextAttemptAt" LIMIT {DigestMessage.MaxNotices}
                            FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """)
                    .AsNoTracking()
                    .ToListAsync(cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return taken;
    }

    /// <summary>When the next pending delivery falls due, or its lease runs out, whichever is later.</summary>
    private async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        return await db.Deliveries
            .Where(delivery => delivery.Status == DeliveryStatus.Pending && delivery.NextAttemptAt != null)
            .Select(delivery => delivery.LeaseUntil != null && delivery.LeaseUntil > delivery.NextAttemptAt ? delivery.LeaseUntil : delivery.NextAttemptAt)
            .MinAsync(cancellationToken);
    }

    /// <summary>One attempt and its record. The attempt is bounded by its own timeout, not by the host stopping, and the
    /// record is cancelled only when the host has stopped: a graceful shutdown does not lose a sent notification's
    /// record (which would send it again).</summary>
    private async Task AttemptAsync(IReadOnlyList<Delivery> unit)
    {
        var delivery = unit[0];
        var attempt = delivery.Attempts + 1;
        using var activity = NotificationTelemetry.Source.StartActivity("notification delivery attempt");
        activity?.SetTag("delivery.id", delivery.Id);
        activity?.SetTag("delivery.channel", delivery.Channel);
        activity?.SetTag("delivery.attempt", attempt);
        activity?.SetTag("tenant.id", delivery.TenantId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (delivery.NextAttemptAt is { } due)
        {
            NotificationTelemetry.Lateness.Record(Math.Max(0, (now - due).TotalMilliseconds),
                new KeyValuePair<string, object?>("channel", delivery.Channel));
        }

        Exception? failure = null;
        try
        {
            using var timeout = new CancellationTokenSource(_options.AttemptTimeout);
            await SendAsync(unit, timeout.Token);
        }
        catch (Exception error)
        {
            failure = error;
        }

        var stopped = lifetime.ApplicationStopped;
        string outcome;
        if (failure is null)
        {
            outcome = "delivered";
            await RecordAsync(unit, setters => setters
                .SetProperty(row => row.Status, DeliveryStatus.Delivered)
                .SetProperty(row => row.Attempts, attempt)
                .SetProperty(row => row.DeliveredAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(row => row.NextAttemptAt, (DateTime?)null)
                .SetProperty(row => row.LeaseUntil, (DateTime?)null)
                .SetProperty(row => row.LastError, (string?)null), stopped, at => new NotificationDelivered
                {
                    DeliveryId = delivery.Id,
                    TenantId = delivery.TenantId,
                    EscalationId = delivery.EscalationId,
                    Channel = delivery.Channel,
                    Audience = delivery.Audience,
                    Event = delivery.Notice,
                    Notices = unit.Count,
                    Attempts = attempt,
                    At = at,
                });
            LogDelivered(delivery.Id, delivery.Channel, attempt);
        }
        else
        {
            var reason = DeliveryErrors.Describe(failure);
            activity?.SetStatus(ActivityStatusCode.Error, reason);
            activity?.AddException(failure);
            if (RetrySchedule.After(attempt, _options.RetryScale) is { } delay)
            {
                outcome = "retry";
                var next = clock.GetUtcNow().UtcDateTime + delay;
                await RecordAsync(unit, setters => setters
                    .SetProperty(row => row.Attempts, attempt)
                    .SetProperty(row => row.LastError, reason)
                    .SetProperty(row => row.NextAttemptAt, next)
                    .SetProperty(row => row.LeaseUntil, (DateTime?)null), stopped, at => new NotificationFailed
                    {
                        DeliveryId = delivery.Id,
                        TenantId = delivery.TenantId,
                        EscalationId = delivery.EscalationId,
                        Channel = delivery.Channel,
                        Audience = delivery.Audience,
                        Event = delivery.Notice,
                        Attempts = attempt,
                        Reason = reason,
                        NextAttemptAt = new DateTimeOffset(next, TimeSpan.Zero),
                        At = at,
                    });
                LogRetry(failure, delivery.Id, delivery.Channel, attempt, next, reason);
            }
            else
            {
                outcome = "dead";
                await RecordAsync(unit, setters => setters
                    .SetProperty(row => row.Status, DeliveryStatus.Dead)
                    .SetProperty(row => row.Attempts, attempt)
                    .SetProperty(row => row.LastError, reason)
                    .SetProperty(row => row.NextAttemptAt, (DateTime?)null)
                    .SetProperty(row => row.LeaseUntil, (DateTime?)null), stopped, at => new NotificationDead
                    {
                        DeliveryId = delivery.Id,
                        TenantId = delivery.TenantId,
                        EscalationId = delivery.EscalationId,
                        Channel = delivery.Channel,
                        Audience = delivery.Audience,
                        Event = delivery.Notice,
                        Attempts = attempt,
                        Reason = reason,
                        At = at,
                    });
                LogDead(failure, delivery.Id, delivery.Channel, attempt, reason);
            }
        }

        activity?.SetTag("delivery.outcome", outcome);
        NotificationTelemetry.Attempts.Add(1, new KeyValuePair<string, object?>("channel", delivery.Channel),
            new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>Records the outcome of an attempt, if the deliveries are still pending (a replica that took them after
    /// this worker's lease ran out may have recorded first), with the event that tells of it, in one transaction. A
    /// failing database is tried again until the host has stopped: a record given up would send the notification again
    /// when the lease runs out.</summary>
    private async Task RecordAsync<TResult>(IReadOnlyList<Delivery> unit, Action<UpdateSettersBuilder<Delivery>> setters, CancellationToken hostStopped,
        Func<DateTimeOffset, TResult> result) where TResult : class
    {
        var ids = unit.Select(delivery => delivery.Id).ToArray();
        for (var failures = 1; ; failures++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(hostStopped);
                var recorded = await db.Deliveries.Where(row => ids.Contains(row.Id) && row.Status == DeliveryStatus.Pending).ExecuteUpdateAsync(setters, hostStopped);
                if (recorded > 0 && scope.ServiceProvider.GetService<IPublishEndpoint>() is { } publish)
                {
                    await publish.Publish(result(clock.GetUtcNow()), hostStopped);
                    await db.SaveChangesAsync(hostStopped);
                }

                await transaction.CommitAsync(hostStopped);
                return;
            }
            catch (Exception error) when (!hostStopped.IsCancellationRequested)
            {
                LogRecordFailed(error, ids[0], failures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, failures), 5_000)), hostStopped);
            }
        }
    }

    private async Task SendAsync(IReadOnlyList<Delivery> unit, CancellationToken cancellationToken)
    {
        var delivery = unit[0];
        switch (delivery.Channel)
        {
            case DeliveryChannel.Email:
                var message = DigestMessage.Of(unit);
                await mailer.SendAsync(delivery.Id, delivery.Recipient, message.Subject, message.Text, message.Html, cancellationToken);
                return;
            case DeliveryChannel.Chat:
                await webhooks.PostAsync(delivery.Recipient, delivery.Body, cancellationToken);
                return;
        }

        WebhookSubscription? subscription;
        await using (var scope = scopes.CreateAsyncScope())
        {
            subscription = await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().Webhooks.AsNoTracking()
                .FirstOrDefaultAsync(webhook => webhook.Id == delivery.SubscriptionId, cancellationToken);
        }

        if (subscription is null)
        {
            throw new DeliveryFailedException("the webhook subscription was deleted");
        }

        await webhooks.SendAsync(delivery.Id, subscription.Url, subscription.Secret, delivery.Body, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} ({Channel}) delivered at attempt {Attempt}")]
    private partial void LogDelivered(Guid deliveryId, string channel, int attempt);

    // The exception (with the address that answered or was refused) is for operators; the tenant sees the reason only.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel}) failed attempt {Attempt}; next attempt at {NextAttemptAt}: {Reason}")]
    private partial void LogRetry(Exception failure, Guid deliveryId, string channel, int attempt, DateTime nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} ({Channel}) is dead after {Attempts} attempts: {Reason}")]
    private partial void LogDead(Exception failure, Guid deliveryId, string channel, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the outcome of delivery {DeliveryId} failed ({Failures} in a row), retrying")]
    private partial void LogRecordFailed(Exception error, Guid deliveryId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The delivery worker failed ({Failures} in a row), retrying")]
    private partial void LogWorkerFailed(Exception error, int failures);
}
