using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EscalationPlatform.Data;

/// <summary>Stores an enum as the APIs write it ("waiting-on-customer", "team-lead"), so the database, the bus's
/// JSON and the REST answers spell a value one way.</summary>
public sealed class KebabEnumConverter<TEnum>() : ValueConverter<TEnum, string>(value => Name(value), text => Parse(text))
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToFrozenDictionary(
        value => value, value => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values = Names.ToFrozenDictionary(entry => entry.Value, entry => entry.Key);

    public static string Name(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();

    public static TEnum Parse(string text) =>
        Values.TryGetValue(text, out var value) ? value : throw new InvalidDataException($"'{text}' is not a {typeof(TEnum).Name}.");
}

public static class KebabEnumConventions
{
    /// <summary>Every property of <typeparamref name="TEnum"/> in the model is stored kebab-case:
    /// <c>configurationBuilder.StoreKebabCase&lt;EscalationStatus&gt;()</c> in <c>ConfigureConventions</c>.</summary>
    public static ModelConfigurationBuilder StoreKebabCase<TEnum>(this ModelConfigurationBuilder configuration) where TEnum : struct, Enum
    {
        configuration.Properties<TEnum>().HaveConversion<KebabEnumConverter<TEnum>>();
        configuration.Properties<TEnum?>().HaveConversion<KebabEnumConverter<TEnum>>();
        return configuration;
    }
}
