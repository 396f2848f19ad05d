using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Insights.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompactSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_case_summary_tenant_id_customer_id_submitted_at",
                table: "case_summary");

            migrationBuilder.DropIndex(
                name: "IX_case_summary_tenant_id_submitted_at",
                table: "case_summary");

            migrationBuilder.AddColumn<int>(
                name: "flags",
                table: "case_summary",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string[]>(
                name: "handoff_team_ids",
                table: "case_summary",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "handoff_team_names",
                table: "case_summary",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<double?[]>(
                name: "status_seconds",
                table: "case_summary",
                type: "double precision[]",
                nullable: false,
                defaultValue: new double?[0]);

            // The facts of the cases already kept, carried over from the columns they replace (the layout of CaseFlags and
            // EscalationStatus as of this migration).
            migrationBuilder.Sql("""
                UPDATE case_summary SET
                    flags = (CASE WHEN ever_resolved THEN 1 ELSE 0 END) | (CASE WHEN ever_resolved AND reopens > 0 THEN 2 ELSE 0 END)
                          | (CASE WHEN cardinality(too_early) > 0 THEN 4 ELSE 0 END) | (CASE WHEN cardinality(too_late) > 0 THEN 8 ELSE 0 END)
                          | ((CASE fr_outcome WHEN 'running' THEN 1 WHEN 'paused' THEN 2 WHEN 'met' THEN 3 WHEN 'breached' THEN 4 WHEN 'stopped' THEN 5 ELSE 0 END) << 4) | ((CASE upd_outcome WHEN 'running' THEN 1 WHEN 'paused' THEN 2 WHEN 'met' THEN 3 WHEN 'breached' THEN 4 WHEN 'stopped' THEN 5 ELSE 0 END) << 7) | ((CASE res_outcome WHEN 'running' THEN 1 WHEN 'paused' THEN 2 WHEN 'met' THEN 3 WHEN 'breached' THEN 4 WHEN 'stopped' THEN 5 ELSE 0 END) << 10),
                    status_seconds = ARRAY[(time_in_status->>'submitted')::float8, (time_in_status->>'needs-information')::float8, (time_in_status->>'triaged')::float8, (time_in_status->>'deflected')::float8, (time_in_status->>'assigned')::float8, (time_in_status->>'acknowledged')::float8, (time_in_status->>'in-progress')::float8, (time_in_status->>'waiting-on-customer')::float8, (time_in_status->>'resolved')::float8, (time_in_status->>'closed')::float8, (time_in_status->>'reopened')::float8, (time_in_status->>'cancelled')::float8],
                    handoff_team_ids = ARRAY(SELECT team->>'id' FROM jsonb_array_elements(handoff_teams) WITH ORDINALITY AS t(team, n) ORDER BY n),
                    handoff_team_names = ARRAY(SELECT coalesce(team->>'name', team->>'id') FROM jsonb_array_elements(handoff_teams) WITH ORDINALITY AS t(team, n) ORDER BY n);
                """);

            migrationBuilder.DropColumn(
                name: "handoff_teams",
                table: "case_summary");

            migrationBuilder.DropColumn(
                name: "time_in_status",
                table: "case_summary");

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_handoffs",
                table: "case_summary",
                columns: new[] { "tenant_id", "submitted_at" },
                filter: "handoffs_accepted > 0")
                .Annotation("Npgsql:IndexInclude", new[] { "handoff_team_ids", "handoff_team_names" });

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_headline",
                table: "case_summary",
                columns: new[] { "tenant_id", "submitted_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "flags", "handoffs_accepted", "tta_seconds", "ttfr_seconds", "ttr_seconds", "ttr_working_seconds", "fr_due_at", "upd_due_at", "res_due_at", "submitted_by", "source" });

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_stalls",
                table: "case_summary",
                columns: new[] { "tenant_id", "submitted_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "status_seconds", "handoffs_requested", "handoffs_answered", "handoff_wait_seconds" });

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_tenant_id_customer_id_submitted_at",
                table: "case_summary",
                columns: new[] { "tenant_id", "customer_id", "submitted_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "customer_name" });

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_timing",
                table: "case_summary",
                columns: new[] { "tenant_id", "submitted_at" },
                filter: "(flags & 4) <> 0 OR (flags & 8) <> 0")
                .Annotation("Npgsql:IndexInclude", new[] { "flags", "submitted_by", "source", "escalation_id", "key", "too_early", "too_late" });

            migrationBuilder.DropIndex(
                name: "IX_csat_rating_tenant_id_rated_at",
                table: "csat_rating");

            migrationBuilder.CreateIndex(
                name: "IX_csat_rating_tenant_id_rated_at",
                table: "csat_rating",
                columns: new[] { "tenant_id", "rated_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "score", "escalation_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_csat_rating_tenant_id_rated_at",
                table: "csat_rating");

            migrationBuilder.CreateIndex(
                name: "IX_csat_rating_tenant_id_rated_at",
                table: "csat_rating",
                columns: new[] { "tenant_id", "rated_at" });

            migrationBuilder.DropIndex(
                name: "IX_case_summary_handoffs",
                table: "case_summary");

            migrationBuilder.DropIndex(
                name: "IX_case_summary_headline",
                table: "case_summary");

            migrationBuilder.DropIndex(
                name: "IX_case_summary_stalls",
                table: "case_summary");

            migrationBuilder.DropIndex(
                name: "IX_case_summary_tenant_id_customer_id_submitted_at",
                table: "case_summary");

            migrationBuilder.DropIndex(
                name: "IX_case_summary_timing",
                table: "case_summary");

            migrationBuilder.DropColumn(
                name: "flags",
                table: "case_summary");

            migrationBuilder.DropColumn(
                name: "handoff_team_ids",
                table: "case_summary");

            migrationBuilder.DropColumn(
                name: "handoff_team_names",
                table: "case_summary");

            migrationBuilder.DropColumn(
                name: "status_seconds",
                table: "case_summary");

            migrationBuilder.AddColumn<string>(
                name: "handoff_teams",
                table: "case_summary",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "time_in_status",
                table: "case_summary",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_tenant_id_customer_id_submitted_at",
                table: "case_summary",
                columns: new[] { "tenant_id", "customer_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_tenant_id_submitted_at",
                table: "case_summary",
                columns: new[] { "tenant_id", "submitted_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "tta_seconds", "ttfr_seconds", "ttr_seconds", "ttr_working_seconds", "ever_resolved", "reopens", "fr_outcome", "fr_due_at", "upd_outcome", "upd_due_at", "res_outcome", "res_due_at", "handoffs_accepted", "too_early", "too_late", "submitted_by", "source", "key", "escalation_id" });
        }
    }
}
