using System.Globalization;
using System.Text.Json;

namespace Intake.Domain;

/// <summary>How values read in timeline entries: enum values as the APIs write them, times in UTC to the second.</summary>
internal static class Text
{
    public static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
