using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class DomainDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_Source_SubmittedById_DedupKey",
                table: "escalation");

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_Source_SubmittedById_DedupKey",
                table: "escalation",
                columns: new[] { "TenantId", "Source", "SubmittedById", "DedupKey" },
                unique: true,
                filter: "\"DedupKey\" IS NOT NULL AND status NOT IN ('resolved', 'closed', 'cancelled', 'deflected')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_Source_SubmittedById_DedupKey",
                table: "escalation");

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_Source_SubmittedById_DedupKey",
                table: "escalation",
                columns: new[] { "TenantId", "Source", "SubmittedById", "DedupKey" },
                unique: true,
                filter: "\"DedupKey\" IS NOT NULL AND status NOT IN ('Resolved', 'Closed', 'Cancelled', 'Deflected')");
        }
    }
}
