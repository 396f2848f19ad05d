using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;
using Sla.Api.Clocks;
using Sla.Api.Policies;

namespace Sla.Api.Data;

public sealed class SlaDbContext(DbContextOptions<SlaDbContext> options) : DbContext(options)
{
    public DbSet<PolicyRow> Policies => Set<PolicyRow>();

    public DbSet<ClocksState> Clocks => Set<ClocksState>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreKebabCase<EscalationStatus>().StoreKebabCase<CustomerTier>().StoreKebabCase<ClockEventKind>()
            .StoreKebabCase<CalendarKind>().StoreKebabCase<DayOfWeek>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<PolicyRow>(policy =>
        {
            policy.ToTable("sla_policy");
            policy.HasKey(row => row.TenantId);
            policy.Property(row => row.TenantId).HasMaxLength(63);
            policy.ComplexProperty(row => row.Policy, stored => stored.ToJson());
        });
        modelBuilder.Entity<ClocksState>(clocks =>
        {
            clocks.ToTable("clock_state");
            clocks.HasKey(state => state.CorrelationId);
            clocks.Property(state => state.CorrelationId).ValueGeneratedNever();
            clocks.Property(state => state.CurrentState).HasMaxLength(32);
            clocks.Property(state => state.TenantId).HasMaxLength(63);
            clocks.ComplexCollection(state => state.History, history => history.ToJson());
            clocks.Property(state => state.RowVersion).IsRowVersion();
            clocks.HasIndex(state => state.TenantId);
        });
    }
}

/// <summary>A tenant's SLA policy; tenants without one use the default policy.</summary>
public sealed class PolicyRow
{
    public required string TenantId { get; init; }

    public required StoredPolicy Policy { get; set; }

    public DateTime UpdatedAt { get; set; }
}
