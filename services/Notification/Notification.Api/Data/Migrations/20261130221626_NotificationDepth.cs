using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notification.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationDepth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "webhook_subscription",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "AccountTeam",
                table: "escalation",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "BackupName",
                table: "escalation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerTier",
                table: "escalation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "escalation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "escalation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamId",
                table: "escalation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamLeadId",
                table: "escalation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamLeadName",
                table: "escalation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Audience",
                table: "delivery",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Digest",
                table: "delivery",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Html",
                table: "delivery",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notice",
                table: "delivery",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PersonId",
                table: "delivery",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "config_draft",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Document = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BaseVersion = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublishedAs = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_config_draft", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "config_version",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Document = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "jsonb", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublishedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RestoredFrom = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_config_version", x => new { x.TenantId, x.Document, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "feed_item",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DedupKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Notice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    CaseKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_item", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_preference",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Preferences = table.Column<string>(type: "jsonb", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_preference", x => new { x.TenantId, x.PersonId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_delivery_digest_waiting",
                table: "delivery",
                columns: new[] { "TenantId", "Recipient", "NextAttemptAt" },
                filter: "\"Digest\" AND \"NextAttemptAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_config_draft_TenantId_Document_UpdatedAt",
                table: "config_draft",
                columns: new[] { "TenantId", "Document", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feed_item_TenantId_PersonId_DedupKey",
                table: "feed_item",
                columns: new[] { "TenantId", "PersonId", "DedupKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feed_item_TenantId_PersonId_Id",
                table: "feed_item",
                columns: new[] { "TenantId", "PersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_feed_item_unread",
                table: "feed_item",
                columns: new[] { "TenantId", "PersonId" },
                filter: "\"ReadAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "config_draft");

            migrationBuilder.DropTable(
                name: "config_version");

            migrationBuilder.DropTable(
                name: "feed_item");

            migrationBuilder.DropTable(
                name: "person_preference");

            migrationBuilder.DropIndex(
                name: "IX_delivery_digest_waiting",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "webhook_subscription");

            migrationBuilder.DropColumn(
                name: "AccountTeam",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "BackupName",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "CustomerTier",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "TeamLeadId",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "TeamLeadName",
                table: "escalation");

            migrationBuilder.DropColumn(
                name: "Audience",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "Digest",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "Html",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "Notice",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "delivery");
        }
    }
}
