using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sla.Api.Data;
using Sla.Domain;

namespace Sla.Api.Policies;

/// <summary>The SLA policy in force for a tenant.</summary>
public interface ISlaPolicies
{
    Task<SlaPolicy> ForAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>Each tenant's SLA policy, the default one until the tenant saves its own. Kept in memory briefly: this
/// instance sees a change at once, another one within <see cref="CacheFor"/>.</summary>
public sealed class PolicyStore(SlaDbContext db, IMemoryCache cache, TimeProvider clock) : ISlaPolicies
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<SlaPolicy> ForAsync(string tenantId, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(Key(tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var row = await db.Policies.AsNoTracking().SingleOrDefaultAsync(policy => policy.TenantId == tenantId, cancellationToken);
            return row?.Policy.ToPolicy() ?? DefaultPolicy.Create();
        }))!;

    public async Task<SlaPolicy> SaveAsync(string tenantId, PolicyDocument change, CancellationToken cancellationToken)
    {
        var policy = change.ApplyTo(await ForAsync(tenantId, cancellationToken));
        var row = await db.Policies.SingleOrDefaultAsync(existing => existing.TenantId == tenantId, cancellationToken);
        if (row is null)
        {
            db.Policies.Add(new PolicyRow { TenantId = tenantId, Policy = StoredPolicy.From(policy), UpdatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            row.Policy = StoredPolicy.From(policy);
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return cache.Set(Key(tenantId), policy, CacheFor);
    }

    private static string Key(string tenantId) => $"sla-policy:{tenantId}";
}
