using EscalationPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Api.Data.Migrations
{
    /// <summary>Default issue types and skills as text[], working hours and acknowledgement windows as EF JSON columns
    /// (the windows keep their shape), offer levels spelled as the API spells them ("team-lead").</summary>
    public partial class JsonColumnsAndKebabEnums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.JsonbArrayToTextArray("team", "DefaultFor");
            migrationBuilder.JsonbArrayToTextArray("member", "Skills");
            migrationBuilder.KebabCaseValues("offer_state", "Level");
            migrationBuilder.Sql("""
                UPDATE member SET "WorkingHours" = (
                    SELECT coalesce(jsonb_agg(jsonb_build_object('Day', day, 'Opens', hours->0, 'Closes', hours->1)), '[]'::jsonb)
                    FROM jsonb_each("WorkingHours") AS each(day, hours))
                WHERE jsonb_typeof("WorkingHours") = 'object'
                """);
            migrationBuilder.Sql($$"""
                UPDATE routing_policy SET "AcknowledgementWindows" = (
                    SELECT jsonb_object_agg(severity, {{MigrationDataExtensions.TimeSpanAsInterval("span")}})
                    FROM jsonb_each("AcknowledgementWindows") AS each(severity, span))
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.TextArrayToJsonbArray("team", "DefaultFor");
            migrationBuilder.TextArrayToJsonbArray("member", "Skills");
            migrationBuilder.PascalCaseValues("offer_state", "Level");
            migrationBuilder.Sql("""
                UPDATE member SET "WorkingHours" = (
                    SELECT coalesce(jsonb_object_agg(hours->>'Day', jsonb_build_array(hours->'Opens', hours->'Closes')), '{}'::jsonb)
                    FROM jsonb_array_elements("WorkingHours") AS each(hours))
                WHERE jsonb_typeof("WorkingHours") = 'array'
                """);
            migrationBuilder.Sql($$"""
                UPDATE routing_policy SET "AcknowledgementWindows" = (
                    SELECT jsonb_object_agg(severity, {{MigrationDataExtensions.IntervalAsTimeSpan("span")}})
                    FROM jsonb_each("AcknowledgementWindows") AS each(severity, span))
                """);
        }
    }
}
