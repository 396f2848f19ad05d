using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProblemRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_occurrence",
                columns: table => new
                {
                    escalation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    signature = table.Column<string>(type: "text", nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    product_area = table.Column<string>(type: "text", nullable: true),
                    release = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_occurrence", x => x.escalation_id);
                });

            migrationBuilder.CreateTable(
                name: "problem",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    shared = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    key_value = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    fixed_in = table.Column<string>(type: "text", nullable: true),
                    product_area = table.Column<string>(type: "text", nullable: true),
                    release = table.Column<string>(type: "text", nullable: true),
                    first_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    raised_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problem", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "problem_case",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    problem_id = table.Column<Guid>(type: "uuid", nullable: false),
                    escalation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    linked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problem_case", x => new { x.tenant_id, x.problem_id, x.escalation_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_occurrence_tenant_id_at",
                table: "case_occurrence",
                columns: new[] { "tenant_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_problem_tenant_id_kind_key_value",
                table: "problem",
                columns: new[] { "tenant_id", "kind", "key_value" },
                unique: true,
                filter: "status <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "IX_problem_tenant_id_updated_at",
                table: "problem",
                columns: new[] { "tenant_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "IX_problem_case_tenant_id_escalation_id",
                table: "problem_case",
                columns: new[] { "tenant_id", "escalation_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_occurrence");

            migrationBuilder.DropTable(
                name: "problem");

            migrationBuilder.DropTable(
                name: "problem_case");
        }
    }
}
