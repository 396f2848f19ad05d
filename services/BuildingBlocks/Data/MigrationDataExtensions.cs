using Microsoft.EntityFrameworkCore.Migrations;

namespace EscalationPlatform.Data;

/// <summary>Data changes that go with the column changes of the JSON and enum mapping (issue 10): PostgreSQL cannot
/// cast jsonb to text[] in place, and values stored under their C# names are rewritten as the APIs spell them.</summary>
public static class MigrationDataExtensions
{
    /// <summary>A jsonb array of texts (["a","b"]) becomes a text[] column ({a,b}), keeping every row's values.</summary>
    public static void JsonbArrayToTextArray(this MigrationBuilder migration, string table, string column) =>
        ReplaceColumn(migration, table, column, "text[]", $"""ARRAY(SELECT jsonb_array_elements_text("{column}"))""", "'{}'");

    /// <summary>A text[] column becomes a jsonb array again (the way back of <see cref="JsonbArrayToTextArray"/>).</summary>
    public static void TextArrayToJsonbArray(this MigrationBuilder migration, string table, string column) =>
        ReplaceColumn(migration, table, column, "jsonb", $"""to_jsonb("{column}")""", "'[]'");

    /// <summary>"TeamLead" becomes "team-lead", "InProgress" "in-progress"; kebab-case values stay as they are.</summary>
    public static void KebabCaseValues(this MigrationBuilder migration, string table, string column) =>
        migration.Sql($"""UPDATE {table} SET "{column}" = lower(regexp_replace("{column}", '([a-z0-9])([A-Z])', '\1-\2', 'g')) WHERE "{column}" ~ '[A-Z]'""");

    /// <summary>"team-lead" becomes "TeamLead" again (the way back of <see cref="KebabCaseValues"/>).</summary>
    public static void PascalCaseValues(this MigrationBuilder migration, string table, string column) =>
        migration.Sql($"""UPDATE {table} SET "{column}" = replace(initcap("{column}"), '-', '')""");

    /// <summary>SQL for a jsonb string holding a .NET TimeSpan ("1.02:00:00") as EF's JSON columns on PostgreSQL write
    /// one: the interval's text ("1 02:00:00").</summary>
    public static string TimeSpanAsInterval(string json) => $$"""to_jsonb(regexp_replace({{json}} #>> '{}', '^(-?[0-9]+)\.([0-9]{2}:)', '\1 \2'))""";

    /// <summary>The way back of <see cref="TimeSpanAsInterval"/>.</summary>
    public static string IntervalAsTimeSpan(string json) => $$"""to_jsonb(regexp_replace({{json}} #>> '{}', '^(-?[0-9]+) ([0-9]{2}:)', '\1.\2'))""";

    private static void ReplaceColumn(MigrationBuilder migration, string table, string column, string type, string conversion, string empty)
    {
        migration.Sql($"""ALTER TABLE {table} ADD COLUMN "{column}_converted" {type} NOT NULL DEFAULT {empty}""");
        migration.Sql($"""UPDATE {table} SET "{column}_converted" = {conversion}""");
        migration.Sql($"""ALTER TABLE {table} DROP COLUMN "{column}" """);
        migration.Sql($"""ALTER TABLE {table} RENAME COLUMN "{column}_converted" TO "{column}" """);
        migration.Sql($"""ALTER TABLE {table} ALTER COLUMN "{column}" DROP DEFAULT""");
    }
}
