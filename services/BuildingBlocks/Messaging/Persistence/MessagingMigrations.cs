using Microsoft.EntityFrameworkCore.Migrations;

namespace EscalationPlatform.Messaging.Persistence;

/// <summary>What a service's migration adds to the messaging tables EF Core creates from <see cref="MessagingModel"/>:
/// the trigger that wakes the outbox dispatcher (EF Core does not model triggers).</summary>
public static class MessagingMigrations
{
    public static void CreateOutboxNotifyTrigger(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MessagingModel.CreateNotifyTriggerSql);

    public static void DropOutboxNotifyTrigger(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MessagingModel.DropNotifyTriggerSql);
}
