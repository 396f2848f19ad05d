using System.Collections.Frozen;
using System.Text.Json;

namespace Routing.Domain;

/// <summary>The platform's values as the APIs write them ("technical", "team-lead"): each value's name, and the value
/// a name stands for.</summary>
public static class WireNames<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> Values = Enum.GetValues<T>()
        .ToFrozenDictionary(value => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()), value => value, StringComparer.Ordinal);

    /// <summary>Every name, in the enum's order, for an error message ("one of ...").</summary>
    public static string All { get; } = string.Join(", ", Enum.GetValues<T>().Select(Name));

    public static string Name(T value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse(string? name, out T value) => Values.TryGetValue(name ?? "", out value);
}
