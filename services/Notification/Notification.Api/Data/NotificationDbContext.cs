using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;
using Notification.Api.Deliveries;
using Notification.Api.Feed;
using Notification.Api.Preferences;
using Notification.Api.Projections;
using Notification.Api.Webhooks;
using Notification.Domain;

namespace Notification.Api.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    private static readonly JsonSerializerOptions PreferencesJson = new(JsonSerializerDefaults.Web);

    public DbSet<EscalationProjection> Escalations => Set<EscalationProjection>();

    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<FeedItem> Feed => Set<FeedItem>();

    public DbSet<PreferenceRow> Preferences => Set<PreferenceRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreKebabCase<EscalationStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable().AddConfigurationTables();
        modelBuilder.Entity<EscalationProjection>(escalation =>
        {
            escalation.ToTable("escalation");
            escalation.HasKey(row => row.EscalationId);
            escalation.Property(row => row.TenantId).HasMaxLength(63);
            escalation.Property(row => row.Severity).HasConversion<string>(); // "S1", as the API writes it
            escalation.Property(row => row.CustomerTier).HasConversion<string>();
        });
        modelBuilder.Entity<WebhookSubscription>(webhook =>
        {
            webhook.ToTable("webhook_subscription");
            webhook.HasKey(row => row.Id);
            webhook.Property(row => row.TenantId).HasMaxLength(63);
            webhook.Property(row => row.Url).HasMaxLength(WebhookSubscription.MaxUrlLength);
            webhook.HasIndex(row => row.TenantId);
            webhook.Property(row => row.SubmittedBy).HasMaxLength(300);
        });
        modelBuilder.Entity<Delivery>(delivery =>
        {
            delivery.ToTable("delivery");
            delivery.HasKey(row => row.Id);
            delivery.Property(row => row.TenantId).HasMaxLength(63);
            delivery.Property(row => row.Channel).HasMaxLength(16);
            delivery.Property(row => row.Status).HasMaxLength(16);
            delivery.Property(row => row.EventType).HasMaxLength(64);
            delivery.Property(row => row.DedupKey).HasMaxLength(400);
            delivery.Property(row => row.Audience).HasMaxLength(32);
            delivery.Property(row => row.Notice).HasMaxLength(64);
            delivery.Property(row => row.PersonId).HasMaxLength(300);
            // A recipient's digest waiting to go: what a new non-urgent notice joins.
            delivery.HasIndex(row => new { row.TenantId, row.Recipient, row.NextAttemptAt }).HasDatabaseName("IX_delivery_digest_waiting")
                .HasFilter($"\"{nameof(Delivery.Digest)}\" AND \"{nameof(Delivery.NextAttemptAt)}\" IS NOT NULL");
            delivery.HasIndex(row => new { row.TenantId, row.DedupKey }).IsUnique();
            delivery.HasIndex(row => new { row.TenantId, row.EscalationId, row.Id });
            // The delivery worker's query: due pending deliveries, earliest first. Only a pending delivery has a next
            // attempt, so the index holds pending ones alone; its condition is not the status, or the planner, taking
            // pending rows for few, would read this whole index to record one delivery's outcome by its id (1 ms
            // instead of 0.05 ms with a backlog of a few thousand, and quadratic while a backlog drains).
            delivery.HasIndex(row => row.NextAttemptAt).HasDatabaseName("IX_delivery_pending_NextAttemptAt")
                .HasFilter($"\"{nameof(Delivery.NextAttemptAt)}\" IS NOT NULL");
        });
        modelBuilder.Entity<FeedItem>(feed =>
        {
            feed.ToTable("feed_item");
            feed.HasKey(row => row.Id);
            feed.Property(row => row.TenantId).HasMaxLength(63);
            feed.Property(row => row.PersonId).HasMaxLength(300);
            feed.Property(row => row.DedupKey).HasMaxLength(400);
            feed.Property(row => row.Notice).HasMaxLength(64);
            feed.Property(row => row.CaseKey).HasMaxLength(64);
            feed.Property(row => row.Text).HasMaxLength(1_000);
            feed.HasIndex(row => new { row.TenantId, row.PersonId, row.DedupKey }).IsUnique();
            feed.HasIndex(row => new { row.TenantId, row.PersonId, row.Id });
            feed.HasIndex(row => new { row.TenantId, row.PersonId }).HasDatabaseName("IX_feed_item_unread").HasFilter("\"ReadAt\" IS NULL");
        });
        modelBuilder.Entity<PreferenceRow>(preference =>
        {
            preference.ToTable("person_preference");
            preference.HasKey(row => new { row.TenantId, row.PersonId });
            preference.Property(row => row.TenantId).HasMaxLength(63);
            preference.Property(row => row.PersonId).HasMaxLength(300);
            preference.Property(row => row.Preferences).HasColumnType("jsonb").HasConversion(
                value => JsonSerializer.Serialize(value, PreferencesJson),
                json => JsonSerializer.Deserialize<PersonPreferences>(json, PreferencesJson) ?? PersonPreferences.Default);
        });
    }
}
