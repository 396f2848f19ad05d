using EscalationPlatform.Messaging.Inbox;
using EscalationPlatform.Messaging.Outbox;
using EscalationPlatform.Messaging.Signals;
using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Messaging.Persistence;

/// <summary>The messaging tables every service's DbContext holds next to its own: the outbox (which is also the
/// timer table) and the inbox. Names are fixed because the delivery queries are written in SQL.</summary>
public static class MessagingModel
{
    public const string OutboxTable = "outbox_message";
    public const string InboxTable = "inbox_message";

    /// <summary>Delivery wakes on this PostgreSQL notification channel, raised by a trigger when outbox rows
    /// commit (NOTIFY is transactional: it is delivered on commit, and not at all on rollback).</summary>
    public const string NotificationChannel = "outbox_message_added";

    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(message => message.SequenceNumber);
            outbox.Property(message => message.SequenceNumber).HasColumnName("sequence_number").UseIdentityAlwaysColumn();
            outbox.Property(message => message.MessageId).HasColumnName("message_id");
            outbox.Property(message => message.DueAt).HasColumnName("due_at");
            outbox.Property(message => message.TokenId).HasColumnName("token_id");
            outbox.Property(message => message.DestinationAddress).HasColumnName("destination_address").HasMaxLength(1024);
            outbox.Property(message => message.ContentType).HasColumnName("content_type").HasMaxLength(256);
            outbox.Property(message => message.MessageType).HasColumnName("message_type");
            outbox.Property(message => message.Body).HasColumnName("body");
            outbox.Property(message => message.Headers).HasColumnName("headers");
            outbox.Property(message => message.Properties).HasColumnName("properties");
            outbox.Property(message => message.ConversationId).HasColumnName("conversation_id");
            outbox.Property(message => message.CorrelationId).HasColumnName("correlation_id");
            outbox.Property(message => message.InitiatorId).HasColumnName("initiator_id");
            outbox.Property(message => message.RequestId).HasColumnName("request_id");
            outbox.Property(message => message.SourceAddress).HasColumnName("source_address").HasMaxLength(1024);
            outbox.Property(message => message.ResponseAddress).HasColumnName("response_address").HasMaxLength(1024);
            outbox.Property(message => message.FaultAddress).HasColumnName("fault_address").HasMaxLength(1024);
            outbox.Property(message => message.SentTime).HasColumnName("sent_time");
            outbox.Property(message => message.ExpirationTime).HasColumnName("expiration_time");
            outbox.HasIndex(message => message.DueAt).HasDatabaseName("ix_outbox_message_due_at");
            outbox.HasIndex(message => message.TokenId).HasDatabaseName("ix_outbox_message_token_id").IsUnique()
                .HasFilter("token_id IS NOT NULL");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(message => new { message.MessageId, message.Endpoint });
            inbox.Property(message => message.MessageId).HasColumnName("message_id");
            inbox.Property(message => message.Endpoint).HasColumnName("endpoint").HasMaxLength(256);
            inbox.Property(message => message.ReceivedAt).HasColumnName("received_at");
            inbox.HasIndex(message => message.ReceivedAt).HasDatabaseName("ix_inbox_message_received_at");
        });

        return modelBuilder;
    }

    /// <summary>The trigger that raises <see cref="NotificationChannel"/> once per inserting statement. Services
    /// add it in the migration that creates the messaging tables (EF Core does not model triggers).</summary>
    public static NotifyTrigger OutboxNotifyTrigger { get; } = new(OutboxTable, NotificationChannel, $"{OutboxTable}_added", ["INSERT"]);

    public static string CreateNotifyTriggerSql => OutboxNotifyTrigger.CreateSql();

    public static string DropNotifyTriggerSql => OutboxNotifyTrigger.DropSql();
}
