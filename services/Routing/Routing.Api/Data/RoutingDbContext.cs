using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;
using Routing.Domain;
using Routing.Api.Handoffs;
using Routing.Api.Offers;
using Routing.Api.Policies;
using Routing.Api.Rules;
using Routing.Api.Schedules;
using Routing.Api.Teams;

namespace Routing.Api.Data;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    public DbSet<TeamRow> Teams => Set<TeamRow>();

    public DbSet<MemberRow> Members => Set<MemberRow>();

    public DbSet<TeamRotationRow> Rotations => Set<TeamRotationRow>();

    public DbSet<RoutingRuleRow> Rules => Set<RoutingRuleRow>();

    public DbSet<RoutingPolicyRow> Policies => Set<RoutingPolicyRow>();

    public DbSet<OfferState> Offers => Set<OfferState>();

    public DbSet<DirectoryChangeRow> DirectoryChanges => Set<DirectoryChangeRow>();

    public DbSet<RoutingRulesVersionRow> RuleVersions => Set<RoutingRulesVersionRow>();

    public DbSet<HandoffRow> Handoffs => Set<HandoffRow>();

    public DbSet<ScheduleRow> Schedules => Set<ScheduleRow>();

    public DbSet<PolicyRow> EscalationPolicies => Set<PolicyRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreKebabCase<OfferLevel>().StoreKebabCase<IssueType>().StoreKebabCase<CustomerTier>().StoreKebabCase<DayOfWeek>()
            .StoreKebabCase<HandoffLevel>().StoreKebabCase<ActorKind>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<TeamRow>(team =>
        {
            team.ToTable("team");
            team.HasKey(row => new { row.TenantId, row.Id });
            team.Property(row => row.RowVersion).IsRowVersion();
        });
        modelBuilder.Entity<TeamRotationRow>(rotation =>
        {
            rotation.ToTable("team_rotation");
            rotation.HasKey(row => new { row.TenantId, row.TeamId });
        });
        modelBuilder.Entity<MemberRow>(member =>
        {
            member.ToTable("member");
            member.HasKey(row => new { row.TenantId, row.Id });
            member.ComplexCollection(row => row.WorkingHours, hours => hours.ToJson());
            member.HasIndex(row => new { row.TenantId, row.TeamId });
        });
        modelBuilder.Entity<RoutingRuleRow>(rule =>
        {
            rule.ToTable("routing_rule");
            rule.HasKey(row => new { row.TenantId, row.Order });
            rule.Property(row => row.Severity).HasConversion<string>(); // "S1", as the API writes it
        });
        modelBuilder.Entity<RoutingPolicyRow>(policy =>
        {
            policy.ToTable("routing_policy");
            policy.HasKey(row => row.TenantId);
            policy.ComplexProperty(row => row.AcknowledgementWindows, windows => windows.ToJson());
        });
        modelBuilder.Entity<DirectoryChangeRow>(change =>
        {
            change.ToTable("directory_change");
            change.HasKey(row => row.Id);
            change.Property(row => row.Id).UseIdentityAlwaysColumn();
            change.HasIndex(row => new { row.TenantId, row.Entity, row.EntityId, row.Id });
        });
        modelBuilder.Entity<RoutingRulesVersionRow>(version =>
        {
            version.ToTable("routing_rules_version");
            version.HasKey(row => new { row.TenantId, row.Version });
            version.Property(row => row.Rules).HasColumnType("jsonb");
        });
        modelBuilder.Entity<ScheduleRow>(schedule =>
        {
            schedule.ToTable("oncall_schedule");
            schedule.HasKey(row => new { row.TenantId, row.Id });
            schedule.Property(row => row.Definition).HasColumnType("jsonb");
            schedule.Property(row => row.RowVersion).IsRowVersion();
        });
        modelBuilder.Entity<PolicyRow>(policy =>
        {
            policy.ToTable("escalation_policy");
            policy.HasKey(row => new { row.TenantId, row.Id });
            policy.Property(row => row.Definition).HasColumnType("jsonb");
            policy.Property(row => row.RowVersion).IsRowVersion();
        });
        modelBuilder.Entity<HandoffRow>(handoff =>
        {
            handoff.ToTable("handoff");
            handoff.HasKey(row => row.Id);
            handoff.Property(row => row.RowVersion).IsRowVersion();
            handoff.HasIndex(row => new { row.TenantId, row.EscalationId, row.CreatedAt });
            handoff.HasIndex(row => row.EscalationId).IsUnique().HasFilter($"\"State\" = '{HandoffRow.Open}'").HasDatabaseName("IX_handoff_open");
        });
        modelBuilder.ApplyConfiguration(new OfferStateMap());
    }
}
