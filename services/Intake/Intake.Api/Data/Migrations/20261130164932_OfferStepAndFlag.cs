using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class OfferStepAndFlag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Flag",
                table: "escalation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfferStep",
                table: "escalation",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Flag",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "OfferStep",
                table: "escalation");
        }
    }
}
