using System;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sla.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clock_state",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    Tier = table.Column<string>(type: "text", nullable: false),
                    TimeZone = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    History = table.Column<string>(type: "jsonb", nullable: false),
                    Announced = table.Column<string>(type: "jsonb", nullable: false),
                    NextEvaluationAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TimerTokenId = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clock_state", x => x.CorrelationId);
                });

            migrationBuilder.CreateIdempotencyTable();

            migrationBuilder.CreateTable(
                name: "sla_policy",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Policy = table.Column<string>(type: "jsonb", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sla_policy", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_clock_state_TenantId",
                table: "clock_state",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clock_state");

            migrationBuilder.DropIdempotencyTable();

            migrationBuilder.DropTable(
                name: "sla_policy");
        }
    }
}
