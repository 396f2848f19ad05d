using System.Text.Json;

namespace Routing.Api.Teams;

/// <summary>Enum values as stored and shown: kebab-case ("many-customers").</summary>
public static class Wire
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().First(value => Name(value) == name || value.ToString().Equals(name, StringComparison.OrdinalIgnoreCase));
}
