using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Tenants;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Gateway.Data;

/// <summary>The gateway's own database: the partner credentials it authenticates, the tenants the operator
/// provisioned, and idempotency keys of its own write endpoints.</summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<TenantRow> Tenants => Set<TenantRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddIdempotencyTable();
        modelBuilder.Entity<Credential>(credential =>
        {
            credential.ToTable("credential");
            credential.HasKey(row => row.Id);
            credential.Property(row => row.TenantId).HasMaxLength(63);
            credential.Property(row => row.Kind).HasMaxLength(16);
            credential.Property(row => row.Name).HasMaxLength(200);
            credential.Property(row => row.Prefix).HasMaxLength(16);
            credential.Property(row => row.Hash).HasMaxLength(64);
            credential.Property(row => row.Scopes).HasColumnType("jsonb");
            credential.Property(row => row.CustomerId).HasMaxLength(200);
            credential.Property(row => row.CreatedBy).HasMaxLength(200);
            credential.HasIndex(row => row.Hash).IsUnique();
            credential.HasIndex(row => new { row.TenantId, row.Id });
        });
        modelBuilder.Entity<TenantRow>(tenant =>
        {
            tenant.ToTable("tenant");
            tenant.HasKey(row => row.Id);
            tenant.Property(row => row.Id).HasMaxLength(63);
            tenant.Property(row => row.Name).HasMaxLength(200);
            tenant.Property(row => row.TimeZone).HasMaxLength(64);
            tenant.Property(row => row.CreatedBy).HasMaxLength(300);
            tenant.Property(row => row.UpdatedBy).HasMaxLength(300);
            tenant.Property(row => row.RowVersion).IsRowVersion();
        });
    }
}
