using EscalationPlatform.Messaging.Signals;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EscalationPlatform.Messaging.Persistence;

/// <summary>What a service's migration adds to the tables EF Core creates: the triggers that wake the outbox dispatcher
/// and other workers (EF Core does not model triggers).</summary>
public static class MessagingMigrations
{
    public static void CreateOutboxNotifyTrigger(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateNotifyTrigger(MessagingModel.OutboxNotifyTrigger);

    public static void DropOutboxNotifyTrigger(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropNotifyTrigger(MessagingModel.OutboxNotifyTrigger);

    public static void CreateNotifyTrigger(this MigrationBuilder migrationBuilder, NotifyTrigger trigger) =>
        migrationBuilder.Sql(trigger.CreateSql());

    public static void DropNotifyTrigger(this MigrationBuilder migrationBuilder, NotifyTrigger trigger) =>
        migrationBuilder.Sql(trigger.DropSql());
}
