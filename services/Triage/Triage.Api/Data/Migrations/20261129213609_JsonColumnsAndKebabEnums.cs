using EscalationPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Api.Data.Migrations
{
    /// <summary>An assessment's fired rules and missing facts as EF JSON columns (severities spelled "S1"), its
    /// outcome spelled as the API spells it.</summary>
    public partial class JsonColumnsAndKebabEnums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.KebabCaseValues("assessment", "Outcome");
            migrationBuilder.Sql("""
                UPDATE assessment SET "Rules" = (
                    SELECT coalesce(jsonb_agg(jsonb_set(rule, '{Severity}', to_jsonb('S' || (rule->>'Severity'))) ORDER BY position), '[]'::jsonb)
                    FROM jsonb_array_elements("Rules") WITH ORDINALITY AS rules(rule, position))
                WHERE jsonb_path_exists("Rules", '$[*].Severity ? (@.type() == "number")')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.PascalCaseValues("assessment", "Outcome");
            migrationBuilder.Sql("""
                UPDATE assessment SET "Rules" = (
                    SELECT coalesce(jsonb_agg(jsonb_set(rule, '{Severity}', to_jsonb(substr(rule->>'Severity', 2)::int)) ORDER BY position), '[]'::jsonb)
                    FROM jsonb_array_elements("Rules") WITH ORDINALITY AS rules(rule, position))
                WHERE jsonb_path_exists("Rules", '$[*].Severity ? (@.type() == "string")')
                """);
        }
    }
}
