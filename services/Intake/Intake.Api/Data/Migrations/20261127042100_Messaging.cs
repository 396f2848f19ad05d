using EscalationPlatform.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateMessagingTables();

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropMessagingTables();
    }
}
