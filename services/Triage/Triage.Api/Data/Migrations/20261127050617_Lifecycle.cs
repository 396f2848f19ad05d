using System;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Triage.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<string>(type: "jsonb", nullable: false),
                    Missing = table.Column<string>(type: "jsonb", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    MatrixVersion = table.Column<int>(type: "integer", nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment", x => x.Id);
                });

            migrationBuilder.CreateIdempotencyTable();

            migrationBuilder.CreateTable(
                name: "matrix_version",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matrix_version", x => new { x.TenantId, x.Version });
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_TenantId_EscalationId",
                table: "assessment",
                columns: new[] { "TenantId", "EscalationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment");

            migrationBuilder.DropIdempotencyTable();

            migrationBuilder.DropTable(
                name: "matrix_version");
        }
    }
}
