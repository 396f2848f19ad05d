using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Validation;

namespace EscalationPlatform.Web.Configuration;

/// <summary>A flat settings record as a versioned document: read strictly (an unknown field is refused), written in the
/// API's conventions, and checked by the record's own rule (<paramref name="problems"/>: each out-of-range field with what
/// it allows).</summary>
public class SettingsDocument<T>(string name, string label, T defaultValue, string fields, Func<T, IReadOnlyDictionary<string, string>> problems)
    : IConfigDocument<T> where T : class
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public string Name => name;

    public string Label => label;

    public T Default => defaultValue;

    public T? Read(JsonElement document, ValidationErrors errors)
    {
        T? settings;
        try
        {
            settings = document.Deserialize<T>(Json);
        }
        catch (JsonException error)
        {
            errors.Add(JsonErrors.Field(error, whole: "document"), JsonErrors.Describe(error, Json));
            return null;
        }

        if (settings is null)
        {
            errors.Add("document", $"must be an object with {fields}");
            return null;
        }

        var found = problems(settings);
        foreach (var (field, problem) in found)
        {
            errors.Add(field, problem);
        }

        return found.Count == 0 ? settings : null;
    }

    public JsonObject Write(T value) => JsonSerializer.SerializeToNode(value, Json)!.AsObject();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        WebConventions.Apply(options);
        return options;
    }
}
