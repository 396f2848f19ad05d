using EscalationPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.Api.Data;

namespace Notification.Api.Webhooks;

/// <summary>Announces every subscribing tenant's webhook interest again at start-up and then every
/// <see cref="WebhookOptions.InterestRepublishInterval"/>: so that a relaying service learns the subscriptions that
/// existed before it listened (a first deployment, a queue created after the change), and any announcement it missed
/// is made good. Each tenant's is announced in a transaction of its own, under the tenant's lock.</summary>
public sealed partial class WebhookInterestRepublisher(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<WebhookInterestRepublisher> logger)
    : PeriodicService(options.Value.Webhooks.InterestRepublishInterval, TimeProvider.System)
{
    protected override Task RunOnceAsync(CancellationToken stoppingToken) => RepublishAsync(stoppingToken);

    protected override void OnFailed(Exception error) => LogFailed(error); // the next round makes it good

    private async Task RepublishAsync(CancellationToken cancellationToken)
    {
        List<string> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().Webhooks.AsNoTracking()
                .Select(webhook => webhook.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
            var interest = scope.ServiceProvider.GetRequiredService<WebhookInterestAnnouncer>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await interest.LockAsync(tenantId, cancellationToken);
            await interest.AnnounceAsync(tenantId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing the tenants' webhook interest failed; it is tried again at the next round")]
    private partial void LogFailed(Exception error);
}
