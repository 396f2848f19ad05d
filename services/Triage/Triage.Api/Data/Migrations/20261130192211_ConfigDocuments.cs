using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConfigDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "config_draft",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Document = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BaseVersion = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublishedAs = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_config_draft", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "config_version",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Document = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "jsonb", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublishedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RestoredFrom = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_config_version", x => new { x.TenantId, x.Document, x.Version });
                });

            migrationBuilder.CreateIndex(
                name: "IX_config_draft_TenantId_Document_UpdatedAt",
                table: "config_draft",
                columns: new[] { "TenantId", "Document", "UpdatedAt" });

            // Every matrix version saved so far becomes a version of the "matrix" document, as it was.
            migrationBuilder.Sql(
                """
                INSERT INTO config_version ("TenantId", "Document", "Version", "Body", "PublishedAt", "PublishedById", "PublishedByName", "Reason")
                SELECT "TenantId", 'matrix', "Version", jsonb_build_object('rules', "Rules"), "CreatedAt", 'service:platform', 'an earlier release',
                       CASE WHEN "Version" = 1 THEN 'the platform''s defaults' END
                FROM matrix_version
                """);
            migrationBuilder.DropTable(
                name: "matrix_version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "config_draft");

            migrationBuilder.DropTable(
                name: "config_version");

            migrationBuilder.CreateTable(
                name: "matrix_version",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rules = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matrix_version", x => new { x.TenantId, x.Version });
                });
        }
    }
}
