using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // pg_trgm and btree_gist are trusted extensions (PostgreSQL 13+): the database's owner may create them.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS btree_gist;");

            migrationBuilder.CreateTable(
                name: "known_error",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    symptoms = table.Column<string>(type: "text", nullable: false),
                    error_messages = table.Column<List<string>>(type: "text[]", nullable: false),
                    signatures = table.Column<List<string>>(type: "text[]", nullable: false),
                    signature_text = table.Column<string>(type: "text", nullable: false),
                    product_area = table.Column<string>(type: "text", nullable: true),
                    affected_versions = table.Column<List<string>>(type: "text[]", nullable: false),
                    workaround = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    fixed_in_version = table.Column<string>(type: "text", nullable: true),
                    owner = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_error", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "known_error_signature",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    article_id = table.Column<string>(type: "text", nullable: false),
                    signature = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_error_signature", x => new { x.tenant_id, x.article_id, x.signature });
                });

            migrationBuilder.CreateTable(
                name: "known_error_version",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    article_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    change = table.Column<string>(type: "text", nullable: false),
                    changed_by = table.Column<string>(type: "text", nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_error_version", x => new { x.tenant_id, x.article_id, x.version });
                });

            migrationBuilder.CreateIndex(
                name: "IX_known_error_tenant_id_product_area",
                table: "known_error",
                columns: new[] { "tenant_id", "product_area" });

            // What the search ranks by: the signatures weigh most, then the title, then the symptoms. The signatures' trigram
            // index is GiST per tenant, so the nearest signatures come in order of distance (a GIN index would recheck every
            // signature sharing a few trigrams: 19 ms against 8 ms over 10,000, docs/performance.md).
            migrationBuilder.Sql("""
                ALTER TABLE known_error ADD COLUMN search tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', signature_text), 'A') ||
                    setweight(to_tsvector('english', title), 'B') ||
                    setweight(to_tsvector('english', symptoms), 'C')) STORED;
                CREATE INDEX ix_known_error_search ON known_error USING gin (search);
                CREATE INDEX ix_known_error_signature_trigram ON known_error_signature USING gist (tenant_id, signature gist_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_error");

            migrationBuilder.DropTable(
                name: "known_error_signature");

            migrationBuilder.DropTable(
                name: "known_error_version");
        }
    }
}
