using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscalationPlatform.Gateway.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenantUpdatedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "tenant",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("""UPDATE tenant SET "UpdatedBy" = "CreatedBy" """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "tenant");
        }
    }
}
