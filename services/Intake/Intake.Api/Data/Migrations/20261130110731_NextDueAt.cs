using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class NextDueAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NextDueAt",
                table: "escalation",
                type: "timestamp with time zone",
                nullable: true);

            // The records already there get the due time of their next action (NextActions.DueAt), as a change would give it.
            migrationBuilder.Sql("""
                UPDATE escalation SET "NextDueAt" = CASE status
                    WHEN 'assigned' THEN "RespondBy"
                    WHEN 'resolved' THEN "AutoCloseAt"
                    WHEN 'acknowledged' THEN LEAST("NextUpdateDue", resolution_due)
                    WHEN 'reopened' THEN LEAST("NextUpdateDue", resolution_due)
                    WHEN 'in-progress' THEN LEAST("NextUpdateDue", resolution_due)
                END
                FROM (SELECT id AS due_id, (SELECT (clock->>'DueAt')::timestamptz FROM jsonb_array_elements("Clocks") AS clock
                                            WHERE clock->>'Kind' = 'resolution' AND clock->>'State' IN ('running', 'breached')
                                            LIMIT 1) AS resolution_due
                      FROM escalation) AS due
                WHERE escalation.id = due.due_id;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_NextDueAt",
                table: "escalation",
                columns: new[] { "TenantId", "NextDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_escalation_TenantId_NextDueAt",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "NextDueAt",
                table: "escalation");
        }
    }
}
