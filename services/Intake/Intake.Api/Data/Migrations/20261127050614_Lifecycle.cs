using System;
using EscalationPlatform.Web.Idempotency;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Tier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ContractualSla = table.Column<bool>(type: "boolean", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "escalation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExternalReference = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Facts = table.Column<string>(type: "jsonb", nullable: false),
                    IssueType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerTier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: true),
                    Rules = table.Column<string>(type: "jsonb", nullable: false),
                    MissingFacts = table.Column<string>(type: "jsonb", nullable: false),
                    HandoffIncomplete = table.Column<bool>(type: "boolean", nullable: false),
                    MatrixVersion = table.Column<int>(type: "integer", nullable: true),
                    TeamId = table.Column<string>(type: "text", nullable: true),
                    TeamName = table.Column<string>(type: "text", nullable: true),
                    OwnerId = table.Column<string>(type: "text", nullable: true),
                    OwnerName = table.Column<string>(type: "text", nullable: true),
                    BackupId = table.Column<string>(type: "text", nullable: true),
                    BackupName = table.Column<string>(type: "text", nullable: true),
                    OfferedToId = table.Column<string>(type: "text", nullable: true),
                    OfferedToName = table.Column<string>(type: "text", nullable: true),
                    OfferLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RespondBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Breached = table.Column<bool>(type: "boolean", nullable: false),
                    Resolution = table.Column<string>(type: "jsonb", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AutoCloseAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AutoCloseTokenId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalation", x => x.id);
                });

            migrationBuilder.CreateIdempotencyTable();

            migrationBuilder.CreateTable(
                name: "timeline_entry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    What = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timeline_entry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_timeline_entry_escalation_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "escalation",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_CustomerId_id",
                table: "escalation",
                columns: new[] { "TenantId", "CustomerId", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_id",
                table: "escalation",
                columns: new[] { "TenantId", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_Number",
                table: "escalation",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_OwnerId_id",
                table: "escalation",
                columns: new[] { "TenantId", "OwnerId", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_TenantId_status_id",
                table: "escalation",
                columns: new[] { "TenantId", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_timeline_entry_EscalationId_Id",
                table: "timeline_entry",
                columns: new[] { "EscalationId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer");

            migrationBuilder.DropIdempotencyTable();

            migrationBuilder.DropTable(
                name: "timeline_entry");

            migrationBuilder.DropTable(
                name: "escalation");
        }
    }
}
