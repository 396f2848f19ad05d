using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnroutableReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UnroutableReason",
                table: "escalation",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UnroutableReason",
                table: "escalation");
        }
    }
}
