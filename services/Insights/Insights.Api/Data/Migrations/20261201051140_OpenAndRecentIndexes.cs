using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Insights.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenAndRecentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_case_summary_tenant_id_open",
                table: "case_summary");

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_open",
                table: "case_summary",
                column: "tenant_id",
                filter: "open");

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_submitted_at",
                table: "case_summary",
                column: "submitted_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_case_summary_open",
                table: "case_summary");

            migrationBuilder.DropIndex(
                name: "IX_case_summary_submitted_at",
                table: "case_summary");

            migrationBuilder.CreateIndex(
                name: "IX_case_summary_tenant_id_open",
                table: "case_summary",
                columns: new[] { "tenant_id", "open" });
        }
    }
}
