using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Handoffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "handoff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    FromId = table.Column<string>(type: "text", nullable: true),
                    FromName = table.Column<string>(type: "text", nullable: true),
                    FromEmail = table.Column<string>(type: "text", nullable: true),
                    RequestedById = table.Column<string>(type: "text", nullable: false),
                    RequestedByName = table.Column<string>(type: "text", nullable: false),
                    RequestedByKind = table.Column<string>(type: "text", nullable: false),
                    ToTeamId = table.Column<string>(type: "text", nullable: false),
                    ToTeamName = table.Column<string>(type: "text", nullable: false),
                    ToMemberId = table.Column<string>(type: "text", nullable: true),
                    Level = table.Column<string>(type: "text", nullable: false),
                    AskedId = table.Column<string>(type: "text", nullable: true),
                    AskedName = table.Column<string>(type: "text", nullable: true),
                    AskedEmail = table.Column<string>(type: "text", nullable: true),
                    LeadId = table.Column<string>(type: "text", nullable: true),
                    LeadName = table.Column<string>(type: "text", nullable: true),
                    LeadEmail = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ContextSummary = table.Column<string>(type: "text", nullable: false),
                    ActionsTaken = table.Column<string[]>(type: "text[]", nullable: false),
                    Window = table.Column<TimeSpan>(type: "interval", nullable: false),
                    RespondBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredById = table.Column<string>(type: "text", nullable: true),
                    AnsweredByName = table.Column<string>(type: "text", nullable: true),
                    AnsweredByEmail = table.Column<string>(type: "text", nullable: true),
                    Answer = table.Column<string>(type: "text", nullable: true),
                    TimeoutTokenId = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handoff", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_handoff_open",
                table: "handoff",
                column: "EscalationId",
                unique: true,
                filter: "\"State\" = 'proposed'");

            migrationBuilder.CreateIndex(
                name: "IX_handoff_TenantId_EscalationId_CreatedAt",
                table: "handoff",
                columns: new[] { "TenantId", "EscalationId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handoff");
        }
    }
}
