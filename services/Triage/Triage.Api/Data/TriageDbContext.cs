using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Assessments;

namespace Triage.Api.Data;

public sealed class TriageDbContext(DbContextOptions<TriageDbContext> options) : DbContext(options)
{
    public DbSet<AssessmentRow> Assessments => Set<AssessmentRow>();

    public DbSet<RepeatCustomerRow> RepeatCustomers => Set<RepeatCustomerRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreKebabCase<AssessmentOutcome>();
        configurationBuilder.Properties<Severity>().HaveConversion<string>(); // "S1", as the API writes it
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable().AddConfigurationTables();
        modelBuilder.Entity<RepeatCustomerRow>(repeat =>
        {
            repeat.ToTable("repeat_customer");
            repeat.HasKey(row => new { row.TenantId, row.CustomerId });
        });
        modelBuilder.Entity<AssessmentRow>(assessment =>
        {
            assessment.ToTable("assessment");
            assessment.HasKey(row => row.Id);
            assessment.Property(row => row.TenantId).HasMaxLength(63);
            assessment.ComplexCollection(row => row.Rules, rules => rules.ToJson());
            assessment.ComplexCollection(row => row.Missing, missing => missing.ToJson());
            assessment.HasIndex(row => new { row.TenantId, row.EscalationId });
        });
    }
}

/// <summary>A decision triage made about an escalation, kept as its history (each re-assessment adds one).</summary>
public sealed class AssessmentRow
{
    public long Id { get; set; }

    public required string TenantId { get; init; }

    public required Guid EscalationId { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The rules that fired (a JSON column).</summary>
    public required List<FiredRule> Rules { get; init; }

    /// <summary>The facts the case still lacked (a JSON column).</summary>
    public required List<MissingFact> Missing { get; init; }

    public required AssessmentOutcome Outcome { get; init; }

    public required int MatrixVersion { get; init; }

    public required DateTime AssessedAt { get; init; }
}
