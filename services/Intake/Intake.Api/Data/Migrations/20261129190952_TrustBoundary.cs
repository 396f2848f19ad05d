using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrustBoundary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_idempotency_key",
                table: "idempotency_key");

            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_IdempotencyKey",
                table: "escalation");

            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_Source_DedupKey",
                table: "escalation");

            migrationBuilder.AddColumn<string>(
                name: "actor_id",
                table: "idempotency_key",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubmittedById",
                table: "escalation",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TeamLeadId",
                table: "escalation",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_idempotency_key",
                table: "idempotency_key",
                columns: new[] { "tenant_id", "actor_id", "key" });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_Source_SubmittedById_DedupKey",
                table: "escalation",
                columns: new[] { "TenantId", "Source", "SubmittedById", "DedupKey" },
                unique: true,
                filter: "\"DedupKey\" IS NOT NULL AND status NOT IN ('Resolved', 'Closed', 'Cancelled', 'Deflected')");

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_SubmittedById_IdempotencyKey",
                table: "escalation",
                columns: new[] { "TenantId", "SubmittedById", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_idempotency_key",
                table: "idempotency_key");

            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_Source_SubmittedById_DedupKey",
                table: "escalation");

            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_SubmittedById_IdempotencyKey",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "actor_id",
                table: "idempotency_key");

            migrationBuilder.DropColumn(
                name: "SubmittedById",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "TeamLeadId",
                table: "escalation");

            migrationBuilder.AddPrimaryKey(
                name: "PK_idempotency_key",
                table: "idempotency_key",
                columns: new[] { "tenant_id", "key" });

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
    }
}
