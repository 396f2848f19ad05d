using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class OnCallSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnCallScheduleId",
                table: "team",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "oncall_schedule",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Definition = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oncall_schedule", x => new { x.TenantId, x.Id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oncall_schedule");

            migrationBuilder.DropColumn(
                name: "OnCallScheduleId",
                table: "team");
        }
    }
}
