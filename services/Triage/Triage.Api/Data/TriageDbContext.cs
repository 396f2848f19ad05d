using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Assessments;
using Triage.Api.Knowledge;
using Triage.Api.ProblemRecords;
using Triage.Domain.Knowledge;

namespace Triage.Api.Data;

public sealed class TriageDbContext(DbContextOptions<TriageDbContext> options) : DbContext(options)
{
    public DbSet<AssessmentRow> Assessments => Set<AssessmentRow>();

    public DbSet<RepeatCustomerRow> RepeatCustomers => Set<RepeatCustomerRow>();

    public DbSet<KnownErrorRow> KnownErrors => Set<KnownErrorRow>();

    public DbSet<KnownErrorSignatureRow> KnownErrorSignatures => Set<KnownErrorSignatureRow>();

    public DbSet<KnownErrorVersionRow> KnownErrorVersions => Set<KnownErrorVersionRow>();

    public DbSet<ChangeRow> Changes => Set<ChangeRow>();

    public DbSet<ProblemRow> Problems => Set<ProblemRow>();

    public DbSet<ProblemCaseRow> ProblemCases => Set<ProblemCaseRow>();

    public DbSet<CaseOccurrenceRow> CaseOccurrences => Set<CaseOccurrenceRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreKebabCase<AssessmentOutcome>();
        configurationBuilder.StoreKebabCase<KnownErrorStatus>();
        configurationBuilder.StoreKebabCase<ChangeKind>();
        configurationBuilder.StoreKebabCase<ProblemStatus>();
        configurationBuilder.StoreKebabCase<PatternKind>();
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
        modelBuilder.Entity<KnownErrorRow>(article =>
        {
            article.ToTable("known_error"); // plus the generated "search" tsvector and its GIN index (migration KnowledgeBase)
            article.HasKey(row => new { row.TenantId, row.Id });
            article.Property(row => row.TenantId).HasMaxLength(63);
            article.Property(row => row.Id).HasMaxLength(63);
            article.Property(row => row.Version).IsConcurrencyToken();
            article.HasIndex(row => new { row.TenantId, row.ProductArea });
            article.WithSnakeCaseColumns();
        });
        modelBuilder.Entity<KnownErrorSignatureRow>(signature =>
        {
            signature.ToTable("known_error_signature"); // plus a trigram GIN index on signature (migration KnowledgeBase)
            signature.HasKey(row => new { row.TenantId, row.ArticleId, row.Signature });
            signature.WithSnakeCaseColumns();
        });
        modelBuilder.Entity<KnownErrorVersionRow>(version =>
        {
            version.ToTable("known_error_version");
            version.HasKey(row => new { row.TenantId, row.ArticleId, row.Version });
            version.OwnsOne(row => row.Document, document => document.ToJson("document"));
            version.WithSnakeCaseColumns();
        });
        modelBuilder.Entity<ChangeRow>(change =>
        {
            change.ToTable("change_event");
            change.HasKey(row => row.Id);
            change.Property(row => row.TenantId).HasMaxLength(63);
            change.HasIndex(row => new { row.TenantId, row.At });
            change.WithSnakeCaseColumns();
        });
        modelBuilder.Entity<ProblemRow>(problem =>
        {
            problem.ToTable("problem");
            problem.HasKey(row => new { row.TenantId, row.Id });
            problem.Property(row => row.TenantId).HasMaxLength(63);
            problem.Property(row => row.Version).IsConcurrencyToken();
            problem.ComplexCollection(row => row.History, history => history.ToJson("history"));
            problem.HasIndex(row => new { row.TenantId, row.Kind, row.KeyValue }).IsUnique().HasFilter("status <> 'closed'"); // one open problem per shared key
            problem.HasIndex(row => new { row.TenantId, row.UpdatedAt });
            problem.WithSnakeCaseColumns();
        });
        modelBuilder.Entity<ProblemCaseRow>(linked =>
        {
            linked.ToTable("problem_case");
            linked.HasKey(row => new { row.TenantId, row.ProblemId, row.EscalationId });
            linked.HasIndex(row => new { row.TenantId, row.EscalationId });
            linked.WithSnakeCaseColumns();
        });
        modelBuilder.Entity<CaseOccurrenceRow>(occurrence =>
        {
            occurrence.ToTable("case_occurrence");
            occurrence.HasKey(row => row.EscalationId);
            occurrence.Property(row => row.TenantId).HasMaxLength(63);
            occurrence.HasIndex(row => new { row.TenantId, row.At });
            occurrence.WithSnakeCaseColumns();
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
