using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscalationPlatform.Gateway.Data.Migrations
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

            migrationBuilder.AddColumn<string>(
                name: "actor_id",
                table: "idempotency_key",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_idempotency_key",
                table: "idempotency_key",
                columns: new[] { "tenant_id", "actor_id", "key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_idempotency_key",
                table: "idempotency_key");

            migrationBuilder.DropColumn(
                name: "actor_id",
                table: "idempotency_key");

            migrationBuilder.AddPrimaryKey(
                name: "PK_idempotency_key",
                table: "idempotency_key",
                columns: new[] { "tenant_id", "key" });
        }
    }
}
