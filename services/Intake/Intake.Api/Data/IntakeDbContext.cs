using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Idempotency;
using Intake.Api.Customers;
using Intake.Api.Records;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<EscalationRecord> Escalations => Set<EscalationRecord>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<EscalationRecord>(escalation =>
        {
            escalation.ToTable("escalation");
            escalation.HasKey(row => row.CorrelationId);
            escalation.Property(row => row.CorrelationId).HasColumnName("id").ValueGeneratedNever();
            escalation.Property(row => row.CurrentState).HasColumnName("status").HasMaxLength(32);
            escalation.Property(row => row.TenantId).HasMaxLength(63);
            escalation.Property(row => row.Key).HasMaxLength(32);
            escalation.Property(row => row.Source).HasMaxLength(32);
            escalation.Property(row => row.ExternalReference).HasMaxLength(255);
            escalation.Property(row => row.IdempotencyKey).HasMaxLength(255);
            escalation.Property(row => row.Title).HasMaxLength(Submission.SubmitRequestValidation.MaxTitle);
            escalation.Property(row => row.IssueType).HasMaxLength(16);
            escalation.Property(row => row.CustomerId).HasMaxLength(200);
            escalation.Property(row => row.CustomerName).HasMaxLength(200);
            escalation.Property(row => row.CustomerTier).HasMaxLength(16);
            escalation.Property(row => row.Facts).HasColumnType("jsonb");
            escalation.Property(row => row.Rules).HasColumnType("jsonb");
            escalation.Property(row => row.MissingFacts).HasColumnType("jsonb");
            escalation.Property(row => row.Resolution).HasColumnType("jsonb");
            escalation.Property(row => row.OfferLevel).HasMaxLength(16);
            escalation.Property(row => row.RowVersion).IsRowVersion();
            escalation.Property(row => row.DedupKey).HasMaxLength(255);
            escalation.HasIndex(row => new { row.TenantId, row.Number }).IsUnique();
            escalation.Property(row => row.SubmittedById).HasMaxLength(300);
            escalation.Property(row => row.TeamLeadId).HasMaxLength(200);
            escalation.HasIndex(row => new { row.TenantId, row.SubmittedById, row.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
            escalation.HasIndex(row => new { row.TenantId, row.Source, row.SubmittedById, row.DedupKey }).IsUnique()
                .HasFilter("\"DedupKey\" IS NOT NULL AND status NOT IN ('Resolved', 'Closed', 'Cancelled', 'Deflected')");
            escalation.HasIndex(row => new { row.TenantId, row.CorrelationId });
            escalation.HasIndex(row => new { row.TenantId, row.CurrentState, row.CorrelationId });
            escalation.HasIndex(row => new { row.TenantId, row.OwnerId, row.CorrelationId });
            escalation.HasIndex(row => new { row.TenantId, row.CustomerId, row.CorrelationId });
            escalation.HasMany<TimelineEntry>().WithOne().HasForeignKey(entry => entry.EscalationId);
        });
        modelBuilder.Entity<TimelineEntry>(entry =>
        {
            entry.ToTable("timeline_entry");
            entry.HasKey(row => row.Id);
            entry.Property(row => row.ActorKind).HasMaxLength(16);
            entry.Property(row => row.ActorId).HasMaxLength(200);
            entry.Property(row => row.ActorName).HasMaxLength(200);
            entry.Property(row => row.What).HasMaxLength(64);
            entry.Property(row => row.FromStatus).HasMaxLength(32);
            entry.Property(row => row.ToStatus).HasMaxLength(32);
            entry.HasIndex(row => new { row.EscalationId, row.Id });
        });
        modelBuilder.Entity<Customer>(customer =>
        {
            customer.ToTable("customer");
            customer.HasKey(row => new { row.TenantId, row.Id });
            customer.Property(row => row.TenantId).HasMaxLength(63);
            customer.Property(row => row.Id).HasMaxLength(200);
            customer.Property(row => row.Name).HasMaxLength(200);
            customer.Property(row => row.Tier).HasMaxLength(16);
            customer.Property(row => row.TimeZone).HasMaxLength(64);
            customer.Property(row => row.ContactEmail).HasMaxLength(200);
        });
    }
}
