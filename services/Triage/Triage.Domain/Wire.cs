using System.Text.Json;

namespace Triage.Domain;

/// <summary>Enum values as they appear on the wire and in rules: kebab-case ("single-user", "many-customers").</summary>
public static class Wire
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
