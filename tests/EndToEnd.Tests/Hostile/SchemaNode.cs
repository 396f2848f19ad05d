using System.Text.Json.Nodes;

namespace EndToEnd.Tests.Hostile;

/// <summary>A JSON schema of an OpenAPI document with its references followed: "$ref" resolved against the
/// document's components, "oneOf [null, X]" read as a nullable X.</summary>
public sealed class SchemaNode
{
    private readonly JsonObject _schema;
    private readonly JsonObject _document;

    private SchemaNode(JsonObject schema, JsonObject document, bool nullable)
    {
        _schema = schema;
        _document = document;
        Nullable = nullable;
    }

    public bool Nullable { get; }

    public static SchemaNode? Of(JsonNode? schema, JsonObject document, bool nullable = false)
    {
        if (schema is not JsonObject node)
        {
            return null;
        }

        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            return Of(document["components"]?["schemas"]?[name], document, nullable);
        }

        if ((node["oneOf"] ?? node["anyOf"]) is JsonArray branches)
        {
            var others = branches.Where(branch => branch?["type"]?.ToString() != "null").ToList();
            return others.Count == 1 ? Of(others[0], document, nullable || others.Count < branches.Count) : new SchemaNode(node, document, nullable);
        }

        return new SchemaNode(node, document, nullable || TypesOf(node).Contains("null"));
    }

    /// <summary>The JSON types the schema allows ("string", "integer", ...; "null" aside), from "type" or the enum's values.</summary>
    public IReadOnlyList<string> Types
    {
        get
        {
            var types = TypesOf(_schema).Where(type => type != "null").ToList();
            if (types.Count == 0 && Enum.Count > 0)
            {
                types.Add("string");
            }

            if (types.Count == 0 && Properties.Count > 0)
            {
                types.Add("object");
            }

            return types;
        }
    }

    public IReadOnlyList<string> Enum => _schema["enum"] is JsonArray values
        ? [.. values.Where(value => value is not null).Select(value => value!.ToString())]
        : [];

    public string? Format => _schema["format"]?.ToString();

    public IReadOnlyDictionary<string, SchemaNode?> Properties => _schema["properties"] is JsonObject properties
        ? properties.ToDictionary(property => property.Key, property => Of(property.Value, _document))
        : new Dictionary<string, SchemaNode?>();

    public IReadOnlySet<string> Required => _schema["required"] is JsonArray required
        ? required.Select(name => name!.ToString()).ToHashSet()
        : new HashSet<string>();

    public SchemaNode? Items => Of(_schema["items"], _document);

    /// <summary>The schema of the values of a map (an object whose keys are data, such as SLA targets by severity).</summary>
    public SchemaNode? Values => Of(_schema["additionalProperties"], _document);

    private static IEnumerable<string> TypesOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Select(type => type!.ToString()),
        JsonValue type => [type.ToString()],
        _ => [],
    };
}
