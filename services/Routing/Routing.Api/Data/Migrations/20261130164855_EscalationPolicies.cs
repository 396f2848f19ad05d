using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class EscalationPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EscalationPolicyId",
                table: "team",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Moves",
                table: "offer_state",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "OfferedToEmail",
                table: "offer_state",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfferedToName",
                table: "offer_state",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Plan",
                table: "offer_state",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "PolicyName",
                table: "offer_state",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PolicyStep",
                table: "offer_state",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PreviousOfferedToEmail",
                table: "offer_state",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousOfferedToName",
                table: "offer_state",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TopOfPolicyAt",
                table: "offer_state",
                type: "timestamp with time zone",
                nullable: true);

            // Offers made before plans were kept follow the built-in ladder from where they stand.
            migrationBuilder.Sql("""UPDATE offer_state SET "PolicyStep" = CASE "Level" WHEN 'backup' THEN 1 WHEN 'team-lead' THEN 2 ELSE 0 END""");

            migrationBuilder.CreateTable(
                name: "escalation_policy",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    ContinueWith = table.Column<string>(type: "text", nullable: true),
                    Definition = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalation_policy", x => new { x.TenantId, x.Id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalation_policy");

            migrationBuilder.DropColumn(
                name: "EscalationPolicyId",
                table: "team");

            migrationBuilder.DropColumn(
                name: "Moves",
                table: "offer_state");

            migrationBuilder.DropColumn(
                name: "OfferedToEmail",
                table: "offer_state");

            migrationBuilder.DropColumn(
                name: "OfferedToName",
                table: "offer_state");

            migrationBuilder.DropColumn(
                name: "Plan",
                table: "offer_state");

            migrationBuilder.DropColumn(
                name: "PolicyName",
                table: "offer_state");

            migrationBuilder.DropColumn(
                name: "PolicyStep",
                table: "offer_state");

            migrationBuilder.DropColumn(
                name: "PreviousOfferedToEmail",
                table: "offer_state");

            migrationBuilder.DropColumn(
                name: "PreviousOfferedToName",
                table: "offer_state");

            migrationBuilder.DropColumn(
                name: "TopOfPolicyAt",
                table: "offer_state");
        }
    }
}
