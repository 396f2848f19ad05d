using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimelineTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TeamId",
                table: "timeline_entry",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamName",
                table: "timeline_entry",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "timeline_entry");

            migrationBuilder.DropColumn(
                name: "TeamName",
                table: "timeline_entry");
        }
    }
}
