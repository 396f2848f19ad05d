using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;
using Sla.Api.Clocks;

namespace Sla.Api.Data;

public sealed class SlaDbContext(DbContextOptions<SlaDbContext> options) : DbContext(options)
{
    public DbSet<PolicyRow> Policies => Set<PolicyRow>();

    public DbSet<ClocksState> Clocks => Set<ClocksState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<PolicyRow>(policy =>
        {
            policy.ToTable("sla_policy");
            policy.HasKey(row => row.TenantId);
            policy.Property(row => row.TenantId).HasMaxLength(63);
            policy.Property(row => row.Policy).HasColumnType("jsonb");
        });
        modelBuilder.Entity<ClocksState>(clocks =>
        {
            clocks.ToTable("clock_state");
            clocks.HasKey(state => state.CorrelationId);
            clocks.Property(state => state.CorrelationId).ValueGeneratedNever();
            clocks.Property(state => state.CurrentState).HasMaxLength(32);
            clocks.Property(state => state.TenantId).HasMaxLength(63);
            clocks.Property(state => state.History).HasColumnType("jsonb");
            clocks.Property(state => state.Announced).HasColumnType("jsonb");
            clocks.Property(state => state.RowVersion).IsRowVersion();
            clocks.HasIndex(state => state.TenantId);
        });
    }
}

/// <summary>A tenant's SLA policy (JSON, see PolicyDocument); tenants without one use the default policy.</summary>
public sealed class PolicyRow
{
    public required string TenantId { get; init; }

    public required string Policy { get; set; }

    public DateTime UpdatedAt { get; set; }
}
