using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Idempotency;
using Insights.Api.Csat;
using Insights.Api.History;
using Insights.Domain;
using Microsoft.EntityFrameworkCore;

namespace Insights.Api.Data;

/// <summary>Insights' own database: the read model (case_summary, case_entry) the queries count on, the customers'
/// ratings, the tenant's thresholds, and the messaging tables. Its own tables have snake_case columns, for the hand-written
/// SQL of the queries.</summary>
public sealed class InsightsDbContext(DbContextOptions<InsightsDbContext> options) : DbContext(options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public DbSet<CaseRow> Cases => Set<CaseRow>();

    public DbSet<CaseEntryRow> Entries => Set<CaseEntryRow>();

    public DbSet<CsatRating> Ratings => Set<CsatRating>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder
        .StoreKebabCase<EscalationStatus>().StoreKebabCase<IssueType>().StoreKebabCase<CustomerTier>().StoreKebabCase<ActorKind>()
        .StoreKebabCase<ClockOutcome>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable().AddConfigurationTables();
        modelBuilder.Entity<CaseRow>(row =>
        {
            row.ToTable("case_summary");
            row.HasKey(@case => @case.EscalationId);
            row.Property(@case => @case.Record).HasColumnType("jsonb").HasConversion(
                value => JsonSerializer.Serialize(value, Json), json => JsonSerializer.Deserialize<EscalationSnapshot>(json, Json)!);
            // Each question reads a narrow index of its own over the range every question starts from (tenant, submitted at),
            // never the wide rows: measured over 100,000 cases, an index of 20 columns took 60 ms to read, one of 10 columns 12 ms.
            // The headline numbers and the timing report's counts per submitter:
            row.HasIndex(@case => new { @case.TenantId, @case.SubmittedAt }, "IX_case_summary_headline").IncludeProperties(@case => new
            {
                @case.Flags, @case.HandoffsAccepted, @case.TtaSeconds, @case.TtfrSeconds, @case.TtrSeconds, @case.TtrWorkingSeconds,
                @case.FrDueAt, @case.UpdDueAt, @case.ResDueAt, @case.SubmittedBy, @case.Source,
            });
            // Time per status and per handoff:
            row.HasIndex(@case => new { @case.TenantId, @case.SubmittedAt }, "IX_case_summary_stalls").IncludeProperties(@case => new
            {
                @case.StatusSeconds, @case.HandoffsRequested, @case.HandoffsAnswered, @case.HandoffWaitSeconds,
            });
            // The teams receiving handoffs, over the cases that had one:
            row.HasIndex(@case => new { @case.TenantId, @case.SubmittedAt }, "IX_case_summary_handoffs")
                .IncludeProperties(@case => new { @case.HandoffTeamIds, @case.HandoffTeamNames })
                .HasFilter("handoffs_accepted > 0");
            // The timing report's reasons and examples, over the cases escalated too early or too late:
            row.HasIndex(@case => new { @case.TenantId, @case.SubmittedAt }, "IX_case_summary_timing")
                .IncludeProperties(@case => new { @case.Flags, @case.SubmittedBy, @case.Source, @case.EscalationId, @case.Key, @case.TooEarly, @case.TooLate })
                .HasFilter($"(flags & {CaseFlags.TooEarly}) <> 0 OR (flags & {CaseFlags.TooLate}) <> 0");
            row.HasIndex(@case => new { @case.TenantId, @case.CustomerId, @case.SubmittedAt }).IncludeProperties(@case => new { @case.CustomerName });
            // What stands now (backlog, stalls, risks), and the headline metrics across tenants:
            row.HasIndex(@case => @case.TenantId, "IX_case_summary_open").HasFilter("open");
            row.HasIndex(@case => @case.SubmittedAt);
            row.WithSnakeCaseColumns();
        });
        modelBuilder.Entity<CaseEntryRow>(entry =>
        {
            entry.ToTable("case_entry");
            entry.HasKey(row => new { row.EscalationId, row.At, row.What, row.ActorId });
            entry.Property(row => row.What).HasMaxLength(64);
            entry.Property(row => row.ActorId).HasMaxLength(200);
            entry.WithSnakeCaseColumns();
        });
        modelBuilder.Entity<CsatRating>(rating =>
        {
            rating.ToTable("csat_rating");
            rating.HasKey(row => row.EscalationId);
            rating.Property(row => row.Comment).HasMaxLength(CsatRules.MaxComment);
            rating.HasIndex(row => new { row.TenantId, row.RatedAt }).IncludeProperties(row => new { row.Score, row.EscalationId });
            rating.WithSnakeCaseColumns();
        });
    }
}
