using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace EscalationPlatform.Messaging.Persistence;

/// <summary>The migration steps for the messaging tables (<see cref="MessagingModel"/>), the same in every
/// service: a service's migration calls these rather than carrying its own copy. EF Core does not model the
/// notification trigger, so it is created here too.</summary>
public static class MessagingMigrations
{
    public static void CreateMessagingTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: MessagingModel.InboxTable,
            columns: table => new
            {
                message_id = table.Column<Guid>(type: "uuid", nullable: false),
                endpoint = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_inbox_message", x => new { x.message_id, x.endpoint });
            });

        migrationBuilder.CreateTable(
            name: MessagingModel.OutboxTable,
            columns: table => new
            {
                sequence_number = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                message_id = table.Column<Guid>(type: "uuid", nullable: false),
                due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                token_id = table.Column<Guid>(type: "uuid", nullable: true),
                destination_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                content_type = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                message_type = table.Column<string>(type: "text", nullable: false),
                body = table.Column<string>(type: "text", nullable: false),
                headers = table.Column<string>(type: "text", nullable: true),
                properties = table.Column<string>(type: "text", nullable: true),
                conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                correlation_id = table.Column<Guid>(type: "uuid", nullable: true),
                initiator_id = table.Column<Guid>(type: "uuid", nullable: true),
                request_id = table.Column<Guid>(type: "uuid", nullable: true),
                source_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                response_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                fault_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                sent_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                expiration_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_outbox_message", x => x.sequence_number);
            });

        migrationBuilder.CreateIndex(
            name: "ix_inbox_message_received_at",
            table: MessagingModel.InboxTable,
            column: "received_at");

        migrationBuilder.CreateIndex(
            name: "ix_outbox_message_due_at",
            table: MessagingModel.OutboxTable,
            column: "due_at");

        migrationBuilder.CreateIndex(
            name: "ix_outbox_message_token_id",
            table: MessagingModel.OutboxTable,
            column: "token_id",
            unique: true,
            filter: "token_id IS NOT NULL");

        migrationBuilder.Sql(MessagingModel.CreateNotifyTriggerSql);
    }

    public static void DropMessagingTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(MessagingModel.DropNotifyTriggerSql);

        migrationBuilder.DropTable(
            name: MessagingModel.InboxTable);

        migrationBuilder.DropTable(
            name: MessagingModel.OutboxTable);
    }
}
