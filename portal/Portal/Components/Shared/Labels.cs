using System.Text.Json;
using EscalationPlatform.Contracts;

namespace EscalationPlatform.Portal.Components.Shared;

/// <summary>The platform's words as the API spells them ("needs-information"), shown with spaces.</summary>
public static class Labels
{
    public static string Status(EscalationStatus status) => Kebab(status).Replace('-', ' ');

    public static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum => Kebab(value).Replace('-', ' ');

    /// <summary>How well a known error matches (0 to 1) as a person reads it: "87 %".</summary>
    public static string Score(double score) => $"{Math.Round(score * 100, MidpointRounding.AwayFromZero):0} %";
}
