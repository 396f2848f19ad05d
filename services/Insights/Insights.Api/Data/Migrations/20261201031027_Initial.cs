using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Insights.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_entry",
                columns: table => new
                {
                    escalation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    what = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    actor_kind = table.Column<string>(type: "text", nullable: false),
                    from_status = table.Column<string>(type: "text", nullable: true),
                    to_status = table.Column<string>(type: "text", nullable: true),
                    team_id = table.Column<string>(type: "text", nullable: true),
                    team_name = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_entry", x => new { x.escalation_id, x.at, x.what, x.actor_id });
                });

            migrationBuilder.CreateTable(
                name: "case_summary",
                columns: table => new
                {
                    escalation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    record_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    record = table.Column<string>(type: "jsonb", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    severity = table.Column<string>(type: "text", nullable: true),
                    issue_type = table.Column<string>(type: "text", nullable: false),
                    product_area = table.Column<string>(type: "text", nullable: true),
                    customer_id = table.Column<string>(type: "text", nullable: false),
                    customer_name = table.Column<string>(type: "text", nullable: false),
                    customer_tier = table.Column<string>(type: "text", nullable: false),
                    team_id = table.Column<string>(type: "text", nullable: true),
                    team_name = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    submitted_by = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    open = table.Column<bool>(type: "boolean", nullable: false),
                    status_since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    tta_seconds = table.Column<double>(type: "double precision", nullable: true),
                    ttfr_seconds = table.Column<double>(type: "double precision", nullable: true),
                    ttr_seconds = table.Column<double>(type: "double precision", nullable: true),
                    ttr_working_seconds = table.Column<double>(type: "double precision", nullable: true),
                    ever_resolved = table.Column<bool>(type: "boolean", nullable: false),
                    reopens = table.Column<int>(type: "integer", nullable: false),
                    fr_outcome = table.Column<string>(type: "text", nullable: false),
                    fr_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    fr_target_seconds = table.Column<double>(type: "double precision", nullable: true),
                    upd_outcome = table.Column<string>(type: "text", nullable: false),
                    upd_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    upd_target_seconds = table.Column<double>(type: "double precision", nullable: true),
                    res_outcome = table.Column<string>(type: "text", nullable: false),
                    res_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    res_target_seconds = table.Column<double>(type: "double precision", nullable: true),
                    time_in_status = table.Column<string>(type: "jsonb", nullable: false),
                    handoffs_requested = table.Column<int>(type: "integer", nullable: false),
                    handoffs_accepted = table.Column<int>(type: "integer", nullable: false),
                    handoff_wait_seconds = table.Column<double>(type: "double precision", nullable: false),
                    handoffs_answered = table.Column<int>(type: "integer", nullable: false),
                    handoff_teams = table.Column<string>(type: "jsonb", nullable: false),
                    last_activity_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    too_early = table.Column<List<string>>(type: "text[]", nullable: false),
                    too_late = table.Column<List<string>>(type: "text[]", nullable: false),
                    error_signature = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_summary", x => x.escalation_id);
                });

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

            migrationBuilder.CreateTable(
                name: "csat_rating",
                columns: table => new
                {
                    escalation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_csat_rating", x => x.escalation_id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_key",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    response_body = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_key", x => new { x.tenant_id, x.actor_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_message",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_message", x => new { x.message_id, x.endpoint });
                });

            migrationBuilder.CreateTable(
                name: "outbox_message",
                columns: table => new
                {
                    sequence_number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    token_id = table.Column<Guid>(type: "uuid", nullable: true),
                    destination_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    content_type = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    message_type = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    headers = table.Column<string>(type: "text", nullable: true),
                    properties = table.Column<string>(type: "text", nullable: true),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    initiator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    response_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    fault_address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    sent_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expiration_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_message", x => x.sequence_number);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_tenant_id_customer_id_submitted_at",
                table: "case_summary",
                columns: new[] { "tenant_id", "customer_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_tenant_id_open",
                table: "case_summary",
                columns: new[] { "tenant_id", "open" });

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_tenant_id_submitted_at",
                table: "case_summary",
                columns: new[] { "tenant_id", "submitted_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "tta_seconds", "ttfr_seconds", "ttr_seconds", "ttr_working_seconds", "ever_resolved", "reopens", "fr_outcome", "fr_due_at", "upd_outcome", "upd_due_at", "res_outcome", "res_due_at", "handoffs_accepted", "too_early", "too_late", "submitted_by", "source", "key", "escalation_id" });

            migrationBuilder.CreateIndex(
                name: "IX_config_draft_TenantId_Document_UpdatedAt",
                table: "config_draft",
                columns: new[] { "TenantId", "Document", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_csat_rating_tenant_id_rated_at",
                table: "csat_rating",
                columns: new[] { "tenant_id", "rated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_key_created_at",
                table: "idempotency_key",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_message_received_at",
                table: "inbox_message",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_due_at",
                table: "outbox_message",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_token_id",
                table: "outbox_message",
                column: "token_id",
                unique: true,
                filter: "token_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_entry");

            migrationBuilder.DropTable(
                name: "case_summary");

            migrationBuilder.DropTable(
                name: "config_draft");

            migrationBuilder.DropTable(
                name: "config_version");

            migrationBuilder.DropTable(
                name: "csat_rating");

            migrationBuilder.DropTable(
                name: "idempotency_key");

            migrationBuilder.DropTable(
                name: "inbox_message");

            migrationBuilder.DropTable(
                name: "outbox_message");
        }
    }
}
