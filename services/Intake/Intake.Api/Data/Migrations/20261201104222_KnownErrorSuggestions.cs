using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnownErrorSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Deflection",
                table: "escalation",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Suggestions",
                table: "escalation",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Deflection",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "Suggestions",
                table: "escalation");
        }
    }
}
