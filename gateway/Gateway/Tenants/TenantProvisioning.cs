using EscalationPlatform.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EscalationPlatform.Gateway.Tenants;

/// <summary>What became of a request to provision a tenant.</summary>
public enum Provisioned
{
    Created,

    /// <summary>It existed already (or another request created it at the same moment).</summary>
    Existed,

    /// <summary>A service refused its calendar (<see cref="TenantDefaults"/>), or did not answer: no tenant was recorded.</summary>
    Refused,
}

/// <summary>Provisions a tenant: its defaults are created in the services first (<see cref="TenantDefaults"/>), and the
/// tenant is recorded only once they all exist, so a refused calendar or a service that does not answer leaves no
/// tenant behind and the same request again finishes the job.</summary>
public sealed class TenantProvisioning(GatewayDbContext db, TenantDefaults defaults, TimeProvider clock)
{
    public async Task<(Provisioned Outcome, TenantRow? Tenant, DefaultsRefused? Refusal)> ProvisionAsync(
        string tenantId, string name, string timeZone, CalendarDraft? calendar, string createdBy, CancellationToken cancellationToken)
    {
        if (await db.Tenants.AsNoTracking().SingleOrDefaultAsync(row => row.Id == tenantId, cancellationToken) is { } existing)
        {
            return (Provisioned.Existed, existing, null);
        }

        if (await defaults.CreateAsync(tenantId, calendar, cancellationToken) is { } refusal)
        {
            return (Provisioned.Refused, null, refusal);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new TenantRow { Id = tenantId, Name = name, TimeZone = timeZone, CreatedAt = now, UpdatedAt = now, CreatedBy = createdBy, UpdatedBy = createdBy };
        db.Tenants.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (Provisioned.Created, row, null);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.Entry(row).State = EntityState.Detached;
            return (Provisioned.Existed, await db.Tenants.AsNoTracking().SingleAsync(other => other.Id == tenantId, cancellationToken), null);
        }
    }
}
