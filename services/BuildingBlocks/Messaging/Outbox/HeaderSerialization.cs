using System.Text.Json;

namespace EscalationPlatform.Messaging.Outbox;

/// <summary>Message headers and transport properties as JSON: strings, numbers and booleans round-trip as
/// themselves (MassTransit reads retry counts as numbers and fault details as strings).</summary>
internal static class HeaderSerialization
{
    public static string? Write(IEnumerable<KeyValuePair<string, object>> values)
    {
        var dictionary = values.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value);
        return dictionary.Count == 0 ? null : JsonSerializer.Serialize(dictionary);
    }

    public static Dictionary<string, object> Read(string? json)
    {
        var result = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(json))
        {
            return result;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number when property.Value.TryGetInt64(out var whole) => whole,
                JsonValueKind.Number => property.Value.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => property.Value.GetRawText(),
            };
        }

        return result;
    }
}
