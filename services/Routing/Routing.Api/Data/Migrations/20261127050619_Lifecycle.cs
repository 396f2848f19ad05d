using System;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIdempotencyTable();

            migrationBuilder.CreateTable(
                name: "member",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    TeamId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "text", nullable: false),
                    TimeZone = table.Column<string>(type: "text", nullable: false),
                    WorkingHours = table.Column<string>(type: "jsonb", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Available = table.Column<bool>(type: "boolean", nullable: false),
                    Skills = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "offer_state",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<string>(type: "text", nullable: false),
                    TeamName = table.Column<string>(type: "text", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    OwnerName = table.Column<string>(type: "text", nullable: false),
                    OwnerEmail = table.Column<string>(type: "text", nullable: false),
                    BackupId = table.Column<string>(type: "text", nullable: false),
                    BackupName = table.Column<string>(type: "text", nullable: false),
                    BackupEmail = table.Column<string>(type: "text", nullable: false),
                    LeadId = table.Column<string>(type: "text", nullable: true),
                    LeadName = table.Column<string>(type: "text", nullable: true),
                    LeadEmail = table.Column<string>(type: "text", nullable: true),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OfferedToId = table.Column<string>(type: "text", nullable: false),
                    PreviousOfferedToId = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RespondBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Window = table.Column<TimeSpan>(type: "interval", nullable: false),
                    AcceptedById = table.Column<string>(type: "text", nullable: true),
                    AcknowledgementTimeoutTokenId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offer_state", x => x.CorrelationId);
                });

            migrationBuilder.CreateTable(
                name: "routing_policy",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    AcknowledgementWindows = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_policy", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "routing_rule",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    TeamId = table.Column<string>(type: "text", nullable: false),
                    IssueType = table.Column<string>(type: "text", nullable: true),
                    Severity = table.Column<string>(type: "text", nullable: true),
                    ProductArea = table.Column<string>(type: "text", nullable: true),
                    Tier = table.Column<string>(type: "text", nullable: true),
                    Tag = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_rule", x => new { x.TenantId, x.Order });
                });

            migrationBuilder.CreateTable(
                name: "team",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    TimeZone = table.Column<string>(type: "text", nullable: false),
                    LeadMemberId = table.Column<string>(type: "text", nullable: false),
                    DefaultFor = table.Column<string>(type: "jsonb", nullable: false),
                    LastAssignedMemberId = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_member_TenantId_TeamId",
                table: "member",
                columns: new[] { "TenantId", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_offer_state_TenantId_OwnerId_CurrentState",
                table: "offer_state",
                columns: new[] { "TenantId", "OwnerId", "CurrentState" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIdempotencyTable();

            migrationBuilder.DropTable(
                name: "member");

            migrationBuilder.DropTable(
                name: "offer_state");

            migrationBuilder.DropTable(
                name: "routing_policy");

            migrationBuilder.DropTable(
                name: "routing_rule");

            migrationBuilder.DropTable(
                name: "team");
        }
    }
}
