using System.Collections.Frozen;
using System.Text.Json;

namespace EscalationPlatform.Web.Validation;

/// <summary>Enum values as the APIs write them (kebab-case: "waiting-on-customer"), for query strings.</summary>
public static class KebabEnum<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(value => Name(value), StringComparer.OrdinalIgnoreCase);

    public static string Name(T value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Names => string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));

    /// <summary>One value by its name (any case); an unknown name is a <see cref="FormatException"/>.</summary>
    public static T Parse(string name) =>
        ByName.TryGetValue(name, out var value) ? value : throw new FormatException($"'{name}' is not one of {Names}.");

    public static bool TryParse(string name, out T value) => ByName.TryGetValue(name, out value);

    /// <summary>Parses a comma-separated list; adds an error naming <paramref name="field"/> for an unknown value.</summary>
    public static IReadOnlyList<T>? ParseList(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var values = new List<T>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(20))
        {
            if (ByName.TryGetValue(part, out var value))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(field, $"'{(part.Length > 40 ? part[..40] : part)}' is not one of {Names}");
            }
        }

        return values;
    }
}
