using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sla.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class VersionedPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TeamTimeZone",
                table: "clock_state",
                type: "character varying(64)",
                maxLength: 64,
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

            migrationBuilder.CreateIndex(
                name: "IX_config_draft_TenantId_Document_UpdatedAt",
                table: "config_draft",
                columns: new[] { "TenantId", "Document", "UpdatedAt" });

            // Each tenant's policy as it was becomes version 1 of the "sla-policy" document: the same targets, warnings,
            // business hours and holidays, and the strategic factor as the strategic tier's response targets.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION pg_temp.timespan_interval(d text) RETURNS interval LANGUAGE sql IMMUTABLE AS $$
                  SELECT CASE WHEN d ~ '^\d+\.\d\d:' THEN split_part(d, '.', 1)::int * interval '1 day' + substr(d, strpos(d, '.') + 1)::interval
                              ELSE d::interval END $$;
                CREATE FUNCTION pg_temp.interval_timespan(i interval) RETURNS text LANGUAGE sql IMMUTABLE AS $$
                  SELECT CASE WHEN extract(day FROM justify_hours(i)) > 0 THEN extract(day FROM justify_hours(i))::int || '.' ELSE '' END
                         || to_char(justify_hours(i) - extract(day FROM justify_hours(i))::int * interval '1 day', 'HH24:MI:SS') $$;
                CREATE FUNCTION pg_temp.target(t jsonb, factor float8) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
                  SELECT CASE WHEN jsonb_typeof(t) = 'object' THEN jsonb_build_object(
                    'duration', pg_temp.interval_timespan(pg_temp.timespan_interval(t->>'Duration') * factor), 'calendar', t->>'Calendar') END $$;
                INSERT INTO config_version ("TenantId", "Document", "Version", "Body", "PublishedAt", "PublishedById", "PublishedByName", "Reason")
                SELECT p."TenantId", 'sla-policy', 1,
                  jsonb_build_object(
                    'calendars', jsonb_build_array(
                      jsonb_build_object('id', 'always-open', 'name', 'Around the clock', 'kind', '24x7'),
                      jsonb_build_object('id', 'business-hours', 'name', 'Business hours', 'kind', 'business-hours', 'timeZone', 'customer',
                        'hours', COALESCE((SELECT jsonb_object_agg(h->>'Day', jsonb_build_array(left(h->>'Opens', 5), left(h->>'Closes', 5)))
                                           FROM jsonb_array_elements(p."Policy"->'BusinessHours') h), '{}'::jsonb),
                        'holidays', COALESCE(p."Policy"->'Holidays', '[]'::jsonb), 'holidaysFrom', '[]'::jsonb)),
                    'targets', (SELECT jsonb_object_agg(s.key, jsonb_strip_nulls(jsonb_build_object(
                        'firstResponse', pg_temp.target(s.value->'FirstResponse', 1),
                        'customerUpdate', pg_temp.target(s.value->'CustomerUpdate', 1),
                        'resolution', pg_temp.target(s.value->'Resolution', 1))))
                      FROM jsonb_each(p."Policy"->'Targets') s),
                    'tierTargets', jsonb_build_object('strategic', (SELECT jsonb_object_agg(s.key, jsonb_strip_nulls(jsonb_build_object(
                        'firstResponse', pg_temp.target(s.value->'FirstResponse', (p."Policy"->>'StrategicResponseFactor')::float8),
                        'customerUpdate', pg_temp.target(s.value->'CustomerUpdate', (p."Policy"->>'StrategicResponseFactor')::float8))))
                      FROM jsonb_each(p."Policy"->'Targets') s)),
                    'warningPercents', p."Policy"->'WarningPercents'),
                  p."UpdatedAt", 'service:platform', 'an earlier release', 'the policy as it was before versions were kept'
                FROM sla_policy p;
                """);
            migrationBuilder.DropTable(
                name: "sla_policy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "config_draft");

            migrationBuilder.DropTable(
                name: "config_version");

            migrationBuilder.DropColumn(
                name: "TeamTimeZone",
                table: "clock_state");

            migrationBuilder.CreateTable(
                name: "sla_policy",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Policy = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sla_policy", x => x.TenantId);
                });
        }
    }
}
