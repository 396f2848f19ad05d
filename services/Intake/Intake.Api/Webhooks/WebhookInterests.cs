using Intake.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Intake.Api.Webhooks;

/// <summary>The webhook event types a tenant's subscriptions want, as intake knows them.</summary>
public interface IWebhookInterests
{
    Task<IReadOnlyCollection<string>> OfAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>Reads the tenant's interest from the table, remembered for <see cref="CacheFor"/> per process: at most one
/// small read per tenant and interval on the hot path, at the price of a change taking that much longer to apply
/// (webhooks are eventually consistent with subscriptions anyway).</summary>
public sealed class WebhookInterests(IntakeDbContext db, IMemoryCache cache) : IWebhookInterests
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyCollection<string>> OfAsync(string tenantId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("webhook-interest", tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var types = await db.WebhookInterests.AsNoTracking().Where(row => row.TenantId == tenantId)
                .Select(row => row.EventTypes).FirstOrDefaultAsync(cancellationToken);
            return (IReadOnlyCollection<string>)(types is null ? [] : new HashSet<string>(types, StringComparer.Ordinal));
        }) ?? [];
}
