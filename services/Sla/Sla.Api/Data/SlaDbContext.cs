using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;
using Sla.Api.Clocks;

namespace Sla.Api.Data;

public sealed class SlaDbContext(DbContextOptions<SlaDbContext> options) : DbContext(options)
{
    public DbSet<ClocksState> Clocks => Set<ClocksState>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreKebabCase<EscalationStatus>().StoreKebabCase<CustomerTier>().StoreKebabCase<ClockEventKind>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable().AddConfigurationTables();
        modelBuilder.Entity<ClocksState>(clocks =>
        {
            clocks.ToTable("clock_state");
            clocks.HasKey(state => state.CorrelationId);
            clocks.Property(state => state.CorrelationId).ValueGeneratedNever();
            clocks.Property(state => state.CurrentState).HasMaxLength(32);
            clocks.Property(state => state.TenantId).HasMaxLength(63);
            clocks.Property(state => state.TeamTimeZone).HasMaxLength(64);
            clocks.ComplexCollection(state => state.History, history => history.ToJson());
            clocks.Property(state => state.RowVersion).IsRowVersion();
            clocks.HasIndex(state => state.TenantId);
        });
    }
}
