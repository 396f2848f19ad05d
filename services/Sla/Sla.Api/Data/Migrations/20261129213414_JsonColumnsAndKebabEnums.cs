using EscalationPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sla.Api.Data.Migrations
{
    /// <summary>Clock history and policies as EF JSON columns, the announced thresholds as text[], statuses and tiers
    /// spelled as the API spells them.</summary>
    public partial class JsonColumnsAndKebabEnums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.JsonbArrayToTextArray("clock_state", "Announced");
            migrationBuilder.KebabCaseValues("clock_state", "Status");
            migrationBuilder.KebabCaseValues("clock_state", "Tier");
            migrationBuilder.Sql("""
                UPDATE clock_state SET "History" = (
                    SELECT coalesce(jsonb_agg(jsonb_build_object('Kind', entry->'type', 'At', entry->'at') ORDER BY position), '[]'::jsonb)
                    FROM jsonb_array_elements("History") WITH ORDINALITY AS history(entry, position))
                """);
            migrationBuilder.Sql($$"""
                CREATE OR REPLACE FUNCTION pg_temp.stored_target(target jsonb) RETURNS jsonb LANGUAGE sql AS $fn$
                    SELECT CASE WHEN target IS NULL OR jsonb_typeof(target) = 'null' THEN 'null'::jsonb
                        ELSE jsonb_build_object('Duration', {{MigrationDataExtensions.TimeSpanAsInterval("target->'duration'")}}, 'Calendar', target->'calendar') END
                $fn$;
                UPDATE sla_policy SET "Policy" = jsonb_build_object(
                    'Targets', (SELECT jsonb_object_agg(severity, jsonb_build_object(
                            'FirstResponse', pg_temp.stored_target(targets->'firstResponse'),
                            'CustomerUpdate', pg_temp.stored_target(targets->'customerUpdate'),
                            'Resolution', pg_temp.stored_target(targets->'resolution')))
                        FROM jsonb_each("Policy"->'targets') AS each(severity, targets)),
                    'StrategicResponseFactor', "Policy"->'strategicResponseFactor',
                    'WarningPercents', "Policy"->'warningPercents',
                    'BusinessHours', (SELECT coalesce(jsonb_agg(jsonb_build_object('Day', day, 'Opens', hours->0, 'Closes', hours->1)), '[]'::jsonb)
                        FROM jsonb_each("Policy"->'businessHours') AS each(day, hours)),
                    'Holidays', "Policy"->'holidays')
                WHERE "Policy" ? 'targets';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.TextArrayToJsonbArray("clock_state", "Announced");
            migrationBuilder.PascalCaseValues("clock_state", "Status");
            migrationBuilder.PascalCaseValues("clock_state", "Tier");
            migrationBuilder.Sql("""
                UPDATE clock_state SET "History" = (
                    SELECT coalesce(jsonb_agg(jsonb_build_object('type', entry->'Kind', 'at', entry->'At') ORDER BY position), '[]'::jsonb)
                    FROM jsonb_array_elements("History") WITH ORDINALITY AS history(entry, position))
                """);
            migrationBuilder.Sql($$"""
                CREATE OR REPLACE FUNCTION pg_temp.document_target(target jsonb) RETURNS jsonb LANGUAGE sql AS $fn$
                    SELECT CASE WHEN target IS NULL OR jsonb_typeof(target) = 'null' THEN 'null'::jsonb
                        ELSE jsonb_build_object('duration', {{MigrationDataExtensions.IntervalAsTimeSpan("target->'Duration'")}}, 'calendar', target->'Calendar') END
                $fn$;
                UPDATE sla_policy SET "Policy" = jsonb_build_object(
                    'targets', (SELECT jsonb_object_agg(severity, jsonb_build_object(
                            'firstResponse', pg_temp.document_target(targets->'FirstResponse'),
                            'customerUpdate', pg_temp.document_target(targets->'CustomerUpdate'),
                            'resolution', pg_temp.document_target(targets->'Resolution')))
                        FROM jsonb_each("Policy"->'Targets') AS each(severity, targets)),
                    'strategicResponseFactor', "Policy"->'StrategicResponseFactor',
                    'warningPercents', "Policy"->'WarningPercents',
                    'businessHours', (SELECT coalesce(jsonb_object_agg(hours->>'Day', jsonb_build_array(hours->'Opens', hours->'Closes')), '{}'::jsonb)
                        FROM jsonb_array_elements("Policy"->'BusinessHours') AS each(hours)),
                    'holidays', "Policy"->'Holidays')
                WHERE "Policy" ? 'Targets';
                """);
        }
    }
}
