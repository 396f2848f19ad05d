using System.Text.Json;
using EscalationPlatform.Web;
using Microsoft.EntityFrameworkCore;
using Notification.Api.Data;
using Notification.Api.Email;
using Notification.Api.Projections;
using Notification.Domain;

namespace Notification.Api.Deliveries;

/// <summary>Turns an event into deliveries: an email per notice of the recipient policy and a webhook call per
/// matching subscription. Each delivery is stored in the caller's unit of work, pending and due at once (the
/// <see cref="DeliveryWorker"/> takes it from there, woken by the commit), and a delivery whose dedup key already
/// exists (the same event redelivered) is not stored again.</summary>
public sealed class DeliveryPlanner(NotificationDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions PayloadJson = CreatePayloadJson();

    private readonly List<Delivery> _planned = [];

    /// <summary>Plans the email for one notice (one event, one recipient: <see cref="RecipientPolicy"/> names each
    /// person once).</summary>
    public DeliveryPlanner Email(EscalationProjection escalation, Notice notice, string eventType, EmailText text)
    {
        _planned.Add(New(escalation.TenantId, escalation.EscalationId, $"email:{notice.EventKey}:{notice.Recipient}", DeliveryChannel.Email,
            notice.Recipient, null, eventType, text.Subject, text.Body));
        return this;
    }

    public async Task<DeliveryPlanner> WebhooksAsync<T>(string tenantId, Guid escalationId, Guid eventId, string eventType, T data,
        CancellationToken cancellationToken)
    {
        var subscriptions = await db.Webhooks.AsNoTracking().Where(webhook => webhook.TenantId == tenantId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var subscription in subscriptions.Where(subscription => subscription.Wants(eventType)))
        {
            var payload = JsonSerializer.Serialize(new WebhookPayload<T>(eventType, now, data), PayloadJson);
            _planned.Add(New(tenantId, escalationId, $"webhook:{subscription.Id}:{eventId}", DeliveryChannel.Webhook, subscription.Url,
                subscription.Id, eventType, eventType, payload));
        }

        return this;
    }

    /// <summary>Stores the planned deliveries that are new.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_planned.Count == 0)
        {
            return;
        }

        var keys = _planned.Select(delivery => delivery.DedupKey).ToArray();
        var tenantId = _planned[0].TenantId;
        // By escalation too: its few deliveries are found by either index, whatever the statistics say of the tenant
        // (to a planner that takes a tenant new to its statistics for small, reading all its deliveries looked cheap).
        var escalations = _planned.Select(delivery => delivery.EscalationId).OfType<Guid>().Distinct().ToArray();
        var existing = (await db.Database.SqlQuery<string>($"""
                SELECT "DedupKey" AS "Value" FROM delivery
                WHERE "TenantId" = {tenantId} AND "EscalationId" = ANY({escalations}) AND "DedupKey" = ANY({keys})
                """).ToListAsync(cancellationToken))
            .ToHashSet();
        db.Deliveries.AddRange(_planned.Where(delivery => !existing.Contains(delivery.DedupKey)));

        _planned.Clear();
    }

    private Delivery New(string tenantId, Guid escalationId, string dedupKey, string channel, string recipient, Guid? subscriptionId,
        string eventType, string subject, string body)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            EscalationId = escalationId,
            DedupKey = dedupKey,
            Channel = channel,
            Recipient = recipient,
            SubscriptionId = subscriptionId,
            EventType = eventType,
            Subject = subject,
            Body = body,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    private static JsonSerializerOptions CreatePayloadJson()
    {
        var options = new JsonSerializerOptions();
        WebConventions.Apply(options);
        return options;
    }

    /// <summary>The Standard Webhooks payload shape: type, timestamp, data.</summary>
    private sealed record WebhookPayload<T>(string Type, DateTimeOffset Timestamp, T Data);
}
