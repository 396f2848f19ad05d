using EscalationPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notification.Api.Data.Migrations
{
    /// <summary>A subscription's event types as text[], the projection's status spelled as the API spells it.</summary>
    public partial class JsonColumnsAndKebabEnums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.JsonbArrayToTextArray("webhook_subscription", "Events");
            migrationBuilder.KebabCaseValues("escalation", "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.TextArrayToJsonbArray("webhook_subscription", "Events");
            migrationBuilder.PascalCaseValues("escalation", "Status");
        }
    }
}
