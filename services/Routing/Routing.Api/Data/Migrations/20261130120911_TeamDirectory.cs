using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeamDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "team_rotation",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    TeamId = table.Column<string>(type: "text", nullable: false),
                    Turns = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_rotation", x => new { x.TenantId, x.TeamId });
                });

            // The turns given out so far move with the teams: the rotation goes on where it stood.
            migrationBuilder.Sql("""INSERT INTO team_rotation ("TenantId", "TeamId", "Turns") SELECT "TenantId", "Id", "Turns" FROM team""");

            migrationBuilder.DropColumn(
                name: "Turns",
                table: "team");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "team_rotation");

            migrationBuilder.AddColumn<long>(
                name: "Turns",
                table: "team",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
