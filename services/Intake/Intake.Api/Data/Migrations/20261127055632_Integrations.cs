using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Integrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DedupKey",
                table: "escalation",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_IdempotencyKey",
                table: "escalation",
                columns: new[] { "TenantId", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_Source_DedupKey",
                table: "escalation",
                columns: new[] { "TenantId", "Source", "DedupKey" },
                unique: true,
                filter: "\"DedupKey\" IS NOT NULL AND status NOT IN ('Resolved', 'Closed', 'Cancelled', 'Deflected')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_IdempotencyKey",
                table: "escalation");

            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_Source_DedupKey",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "DedupKey",
                table: "escalation");
        }
    }
}
