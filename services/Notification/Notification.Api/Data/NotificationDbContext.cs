using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore;
using Notification.Api.Deliveries;
using Notification.Api.Projections;
using Notification.Api.Webhooks;

namespace Notification.Api.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public DbSet<EscalationProjection> Escalations => Set<EscalationProjection>();

    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreKebabCase<EscalationStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<EscalationProjection>(escalation =>
        {
            escalation.ToTable("escalation");
            escalation.HasKey(row => row.EscalationId);
            escalation.Property(row => row.TenantId).HasMaxLength(63);
            escalation.Property(row => row.Severity).HasConversion<string>(); // "S1", as the API writes it
        });
        modelBuilder.Entity<WebhookSubscription>(webhook =>
        {
            webhook.ToTable("webhook_subscription");
            webhook.HasKey(row => row.Id);
            webhook.Property(row => row.TenantId).HasMaxLength(63);
            webhook.Property(row => row.Url).HasMaxLength(WebhookSubscription.MaxUrlLength);
            webhook.HasIndex(row => row.TenantId);
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
            delivery.HasIndex(row => new { row.TenantId, row.DedupKey }).IsUnique();
            delivery.HasIndex(row => new { row.TenantId, row.EscalationId, row.Id });
            // The delivery worker's query: due pending deliveries, earliest first. Only a pending delivery has a next
            // attempt, so the index holds pending ones alone; its condition is not the status, or the planner, taking
            // pending rows for few, would read this whole index to record one delivery's outcome by its id (1 ms
            // instead of 0.05 ms with a backlog of a few thousand, and quadratic while a backlog drains).
            delivery.HasIndex(row => row.NextAttemptAt).HasDatabaseName("IX_delivery_pending_NextAttemptAt")
                .HasFilter($"\"{nameof(Delivery.NextAttemptAt)}\" IS NOT NULL");
        });
    }
}
