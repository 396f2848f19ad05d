using EscalationPlatform.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Messaging.TestWorker;

public sealed class Effect
{
    public long Id { get; set; }

    public Guid WorkId { get; set; }
}

public sealed class Fix
{
    public Guid WorkId { get; set; }
}

public sealed class TimerFiring
{
    public long Id { get; set; }

    public Guid TimerId { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? ScheduledFor { get; set; }

    public long? LateByMilliseconds { get; set; }
}

/// <summary>The worker's database. Effects have no unique key on purpose: a duplicate would show as a second row.</summary>
public sealed class WorkerDbContext(DbContextOptions<WorkerDbContext> options) : DbContext(options)
{
    public DbSet<Effect> Effects => Set<Effect>();

    public DbSet<Fix> Fixes => Set<Fix>();

    public DbSet<TimerFiring> TimerFirings => Set<TimerFiring>();

    public DbSet<CounterState> Counters => Set<CounterState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<Fix>().HasKey(fix => fix.WorkId);
        modelBuilder.Entity<CounterState>(counter =>
        {
            counter.HasKey(saga => saga.CorrelationId);
            counter.Property(saga => saga.CurrentState).HasMaxLength(64);
            counter.Property(saga => saga.RowVersion).IsRowVersion();
        });
    }
}

/// <summary>The downstream service's database: what arrived from the worker.</summary>
public sealed class DownstreamDbContext(DbContextOptions<DownstreamDbContext> options) : DbContext(options)
{
    public DbSet<Effect> Received => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}
