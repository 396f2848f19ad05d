using System.Text;
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
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
            row.Property(@case => @case.TimeInStatus).HasColumnType("jsonb").HasConversion(
                value => JsonSerializer.Serialize(value, Json), json => JsonSerializer.Deserialize<Dictionary<string, double>>(json, Json)!,
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, double>>(
                    (left, right) => JsonSerializer.Serialize(left, Json) == JsonSerializer.Serialize(right, Json),
                    value => JsonSerializer.Serialize(value, Json).GetHashCode(), value => new Dictionary<string, double>(value)));
            row.Property(@case => @case.HandoffTeams).HasColumnType("jsonb").HasConversion(
                value => JsonSerializer.Serialize(value, Json), json => JsonSerializer.Deserialize<List<TeamRef>>(json, Json)!,
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<TeamRef>>(
                    (left, right) => left!.SequenceEqual(right!), value => value.Count, value => value.ToList()));
            // The range every question starts from, covering what the headline numbers and the timing report count, so
            // that they read the narrow index rather than the wide rows (measured: 248 ms -> 80 ms over 33,000 cases).
            row.HasIndex(@case => new { @case.TenantId, @case.SubmittedAt }).IncludeProperties(@case => new
            {
                @case.TtaSeconds, @case.TtfrSeconds, @case.TtrSeconds, @case.TtrWorkingSeconds, @case.EverResolved, @case.Reopens,
                @case.FrOutcome, @case.FrDueAt, @case.UpdOutcome, @case.UpdDueAt, @case.ResOutcome, @case.ResDueAt, @case.HandoffsAccepted,
                @case.TooEarly, @case.TooLate, @case.SubmittedBy, @case.Source, @case.Key, @case.EscalationId,
            });
            row.HasIndex(@case => new { @case.TenantId, @case.CustomerId, @case.SubmittedAt });
            row.HasIndex(@case => new { @case.TenantId, @case.Open });
            SnakeCase(row);
        });
        modelBuilder.Entity<CaseEntryRow>(entry =>
        {
            entry.ToTable("case_entry");
            entry.HasKey(row => new { row.EscalationId, row.At, row.What, row.ActorId });
            entry.Property(row => row.What).HasMaxLength(64);
            entry.Property(row => row.ActorId).HasMaxLength(200);
            SnakeCase(entry);
        });
        modelBuilder.Entity<CsatRating>(rating =>
        {
            rating.ToTable("csat_rating");
            rating.HasKey(row => row.EscalationId);
            rating.Property(row => row.Comment).HasMaxLength(CsatRules.MaxComment);
            rating.HasIndex(row => new { row.TenantId, row.RatedAt });
            SnakeCase(rating);
        });
    }

    /// <summary>PostgreSQL's own style for the tables the queries are written against: RecordAt is record_at.</summary>
    private static void SnakeCase<T>(EntityTypeBuilder<T> entity) where T : class
    {
        foreach (var property in entity.Metadata.GetProperties())
        {
            property.SetColumnName(Snake(property.Name));
        }
    }

    public static string Snake(string name)
    {
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }
}
