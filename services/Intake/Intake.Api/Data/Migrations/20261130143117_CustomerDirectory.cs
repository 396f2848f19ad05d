using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountTeam",
                table: "customer",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Contacts",
                table: "customer",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "customer",
                type: "text",
                nullable: false,
                defaultValue: "active"); // every customer before the directory could say otherwise

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "customer",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "customer_change",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    CustomerId = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: false),
                    ActorName = table.Column<string>(type: "text", nullable: false),
                    Change = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_change", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customer_change_TenantId_CustomerId_Id",
                table: "customer_change",
                columns: new[] { "TenantId", "CustomerId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_change");

            migrationBuilder.DropColumn(
                name: "AccountTeam",
                table: "customer");

            migrationBuilder.DropColumn(
                name: "Contacts",
                table: "customer");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "customer");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "customer");
        }
    }
}
