using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Validation;
using Intake.Api.Customers;
using Intake.Api.Records;
using Intake.Api.Webhooks;
using Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<EscalationRecord> Escalations => Set<EscalationRecord>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerChange> CustomerChanges => Set<CustomerChange>();

    public DbSet<WebhookInterestRow> WebhookInterests => Set<WebhookInterestRow>();

    /// <summary>Enum values are stored as the API writes them (in-progress, team-lead, many-customers), in columns and
    /// in JSON alike; severities as the API writes them (S1).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreKebabCase<EscalationStatus>().StoreKebabCase<OfferLevel>().StoreKebabCase<IssueType>()
            .StoreKebabCase<CustomerTier>().StoreKebabCase<ActorKind>().StoreKebabCase<ImpactScope>().StoreKebabCase<Sentiment>()
            .StoreKebabCase<ResolutionKind>().StoreKebabCase<ClockKind>().StoreKebabCase<ClockState>().StoreKebabCase<CalendarKind>();
        configurationBuilder.Properties<Severity>().HaveConversion<string>(); // "S1", as the API writes it
        configurationBuilder.Properties<Severity?>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<EscalationRecord>(escalation =>
        {
            escalation.ToTable("escalation");
            escalation.HasKey(row => row.CorrelationId);
            escalation.Property(row => row.CorrelationId).HasColumnName("id").ValueGeneratedNever();
            escalation.Property(row => row.Status).HasColumnName("status");
            escalation.Ignore(row => row.CurrentState);
            escalation.Property(row => row.TenantId).HasMaxLength(63);
            escalation.Property(row => row.Key).HasMaxLength(32);
            escalation.Property(row => row.Source).HasMaxLength(32);
            escalation.Property(row => row.ExternalReference).HasMaxLength(255);
            escalation.Property(row => row.IdempotencyKey).HasMaxLength(255);
            escalation.Property(row => row.Title).HasMaxLength(Submission.SubmitRequestValidation.MaxTitle);
            escalation.Property(row => row.CustomerId).HasMaxLength(200);
            escalation.Property(row => row.CustomerName).HasMaxLength(200);
            escalation.ComplexProperty(row => row.Facts, facts => facts.ToJson());
            escalation.ComplexCollection(row => row.Rules, rules => rules.ToJson());
            escalation.ComplexCollection(row => row.MissingFacts, missing => missing.ToJson());
            escalation.ComplexProperty(row => row.Resolution, resolution => resolution.ToJson());
            escalation.Property(row => row.Suggestions).AsJson();
            escalation.ComplexProperty(row => row.Deflection, deflection => deflection.ToJson());
            escalation.ComplexCollection(row => row.Clocks, clocks => clocks.ToJson());
            escalation.Property(row => row.RowVersion).IsRowVersion();
            escalation.Property(row => row.DedupKey).HasMaxLength(255);
            escalation.HasIndex(row => new { row.TenantId, row.Number }).IsUnique();
            escalation.Property(row => row.SubmittedById).HasMaxLength(300);
            escalation.Property(row => row.TeamLeadId).HasMaxLength(200);
            escalation.HasIndex(row => new { row.TenantId, row.SubmittedById, row.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
            escalation.HasIndex(row => new { row.TenantId, row.Source, row.SubmittedById, row.DedupKey }).IsUnique()
                .HasFilter($"\"DedupKey\" IS NOT NULL AND status NOT IN ({string.Join(", ", Domain.Lifecycle.Finished.Select(status => $"'{KebabEnum<EscalationStatus>.Name(status)}'"))})");
            escalation.HasIndex(row => new { row.TenantId, row.CorrelationId });
            escalation.HasIndex(row => new { row.TenantId, row.Status, row.CorrelationId });
            escalation.HasIndex(row => new { row.TenantId, row.OwnerId, row.CorrelationId });
            escalation.HasIndex(row => new { row.TenantId, row.CustomerId, row.CorrelationId });
            escalation.HasIndex(row => new { row.TenantId, row.NextDueAt });
            escalation.HasMany(row => row.Timeline).WithOne().HasForeignKey(entry => entry.EscalationId);
        });
        modelBuilder.Entity<TimelineEntry>(entry =>
        {
            entry.ToTable("timeline_entry");
            entry.HasKey(row => row.Id);
            entry.ComplexProperty(row => row.Actor, actor =>
            {
                actor.Property(who => who.Kind).HasColumnName("ActorKind");
                actor.Property(who => who.Id).HasColumnName("ActorId").HasMaxLength(200);
                actor.Property(who => who.Name).HasColumnName("ActorName").HasMaxLength(200);
            });
            entry.Property(row => row.What).HasMaxLength(64);
            entry.HasIndex(row => new { row.EscalationId, row.Id });
        });
        modelBuilder.Entity<CustomerChange>(change =>
        {
            change.ToTable("customer_change");
            change.HasKey(row => row.Id);
            change.Property(row => row.Id).UseIdentityAlwaysColumn();
            change.HasIndex(row => new { row.TenantId, row.CustomerId, row.Id });
        });
        modelBuilder.Entity<Customer>(customer =>
        {
            customer.ToTable("customer");
            customer.HasKey(row => new { row.TenantId, row.Id });
            customer.Property(row => row.RowVersion).IsRowVersion();
            customer.ComplexCollection(row => row.Contacts, contacts => contacts.ToJson());
            customer.ComplexCollection(row => row.AccountTeam, team => team.ToJson());
            customer.Property(row => row.TenantId).HasMaxLength(63);
            customer.Property(row => row.Id).HasMaxLength(200);
            customer.Property(row => row.Name).HasMaxLength(200);
            customer.Property(row => row.TimeZone).HasMaxLength(64);
            customer.Property(row => row.ContactEmail).HasMaxLength(200);
        });
        modelBuilder.Entity<WebhookInterestRow>(interest =>
        {
            interest.ToTable("webhook_interest");
            interest.HasKey(row => row.TenantId);
            interest.Property(row => row.TenantId).HasMaxLength(63);
        });
    }
}
