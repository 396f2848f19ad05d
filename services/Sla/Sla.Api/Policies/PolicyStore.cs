using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sla.Api.Data;
using Sla.Domain;

namespace Sla.Api.Policies;

/// <summary>Each tenant's SLA policy, the default one until the tenant saves its own. Kept in memory briefly: another
/// instance sees a change within <see cref="CacheFor"/>.</summary>
public sealed class PolicyStore(TimeProvider clock, IOptions<JsonOptions> json)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (SlaPolicy Policy, DateTimeOffset Until)> _cache = new();

    public async Task<SlaPolicy> ForAsync(SlaDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(tenantId, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.Policy;
        }

        var row = await db.Policies.AsNoTracking().SingleOrDefaultAsync(policy => policy.TenantId == tenantId, cancellationToken);
        var policy = row is null
            ? DefaultPolicy.Create()
            : JsonSerializer.Deserialize<PolicyDocument>(row.Policy, json.Value.SerializerOptions)!.ApplyTo(DefaultPolicy.Create());
        return Remember(tenantId, policy);
    }

    public async Task<SlaPolicy> SaveAsync(SlaDbContext db, string tenantId, PolicyDocument change, CancellationToken cancellationToken)
    {
        var policy = change.ApplyTo(await ForAsync(db, tenantId, cancellationToken));
        var document = JsonSerializer.Serialize(PolicyDocument.From(policy), json.Value.SerializerOptions);
        var row = await db.Policies.SingleOrDefaultAsync(existing => existing.TenantId == tenantId, cancellationToken);
        if (row is null)
        {
            db.Policies.Add(new PolicyRow { TenantId = tenantId, Policy = document, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            row.Policy = document;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Remember(tenantId, policy);
    }

    private SlaPolicy Remember(string tenantId, SlaPolicy policy)
    {
        _cache[tenantId] = (policy, clock.GetUtcNow() + CacheFor);
        return policy;
    }
}
