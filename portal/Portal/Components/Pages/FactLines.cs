using System.Text.Json;

namespace EscalationPlatform.Portal.Components.Pages;

/// <summary>The case's facts as lines a person reads ("Impact: organisation, 300 affected"), from the record's JSON.</summary>
public static class FactLines
{
    public static IReadOnlyList<(string Label, string Value)> Of(JsonElement facts)
    {
        var lines = new List<(string, string)>();
        if (facts.ValueKind != JsonValueKind.Object)
        {
            return lines;
        }

        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                lines.Add((label, value));
            }
        }

        Add("Issue type", Text(facts, "issueType")?.Replace('-', ' '));
        Add("Product area", Text(facts, "productArea"));
        Add("Release", Text(facts, "release"));
        if (facts.TryGetProperty("customer", out var customer))
        {
            Add("Customer", $"{Text(customer, "name")} ({Text(customer, "tier")}{(Flag(customer, "contractualSla") ? ", contractual SLA" : "")}), {Text(customer, "timeZone")}");
        }

        if (facts.TryGetProperty("impact", out var impact))
        {
            Add("Impact", string.Join(", ", new[]
            {
                Text(impact, "scope")?.Replace('-', ' '),
                impact.TryGetProperty("affectedCount", out var count) && count.ValueKind == JsonValueKind.Number ? $"{count.GetInt32()} affected" : null,
                Text(impact, "businessImpact"),
            }.Where(part => part is not null)));
        }

        if (facts.TryGetProperty("urgency", out var urgency) && urgency.ValueKind == JsonValueKind.Object)
        {
            Add("Urgency", string.Join(", ", urgency.EnumerateObject()
                .Where(flag => flag.Value.ValueKind == JsonValueKind.True && flag.Name != "workaroundAvailable")
                .Select(flag => Words(flag.Name))));
            if (urgency.TryGetProperty("workaroundAvailable", out var workaround) && workaround.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                Add("Workaround", workaround.GetBoolean() ? "available" : "none");
            }
        }

        Add("Customer sentiment (never raises severity)", Text(facts, "sentiment"));
        Add("Tags", List(facts, "tags"));
        Add("Actions taken before escalating", List(facts, "actionsTaken"));
        return lines;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? List(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
            ? string.Join("; ", value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()))
            : null;

    /// <summary>"securityExposure" -> "security exposure".</summary>
    private static string Words(string camel) => JsonNamingPolicy.KebabCaseLower.ConvertName(camel).Replace('-', ' ');
}
