using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Notification.Api.Data;
using Notification.Domain;

namespace Notification.Api.Webhooks;

/// <summary>Announces a tenant's webhook interest (<see cref="WebhookInterestChanged"/>) as its subscriptions stand,
/// through the outbox of the caller's unit of work. The tenant's lock serialises the changes and the announcements of
/// one tenant across replicas: an announcement made later (a later At) always describes a later state, so "newest At
/// wins" at the receiving end is right.</summary>
public sealed class WebhookInterestAnnouncer(NotificationDbContext db, IPublishEndpoint publish, TimeProvider clock)
{
    /// <summary>Takes the tenant's lock until the current transaction ends; first thing in a transaction that changes or
    /// announces the tenant's subscriptions.</summary>
    public Task LockAsync(string tenantId, CancellationToken cancellationToken) =>
        AdvisoryLock.LockForTransactionAsync(db, AdvisoryLock.Key($"notification:webhook-interest:{tenantId}"), cancellationToken);

    /// <summary>Publishes the interest of the tenant's saved subscriptions (call it under <see cref="LockAsync"/>, after
    /// the change is saved in the same transaction); the caller's SaveChanges writes it.</summary>
    public async Task AnnounceAsync(string tenantId, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Webhooks.AsNoTracking().Where(webhook => webhook.TenantId == tenantId)
            .Select(webhook => webhook.Events).ToListAsync(cancellationToken);
        await publish.Publish(new WebhookInterestChanged
        {
            TenantId = tenantId,
            EventTypes = WebhookInterest.Of(subscriptions),
            At = clock.GetUtcNow(),
        }, cancellationToken);
    }
}
