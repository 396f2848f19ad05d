using System.Text;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests.Hostile;

/// <summary>A request body made hostile in one way.</summary>
public sealed record BodyMutation(string Case, byte[] Body, IReadOnlyList<int>? Expected = null, bool Chunked = false);

/// <summary>Hostile variants of a valid body, generated from the body's schema: for every property (nested ones
/// too, through objects, maps and the first item of arrays) a value of the wrong type, null, the property left out
/// when required, control characters and non-ASCII in strings, unknown enum values, malformed formats, numbers out
/// of range, bad array items, unknown map keys; and for the body as a whole the wrong root, an unknown property,
/// deep nesting and a size over the limit (declared, and chunked).</summary>
public static class BodyMutations
{
    /// <summary>Non-ASCII, a NUL (which PostgreSQL cannot store in text) and a right-to-left override.</summary>
    public const string Hostile = "José\u0000\u202e";

    public const int OverLimit = 1_100_000;

    private const int MaxDepth = 4;

    private static readonly JsonNode OutOfInt32 = JsonNode.Parse("2147483648")!;

    public static IEnumerable<BodyMutation> Of(SchemaNode? schema, JsonNode? valid)
    {
        var root = valid ?? Sample(schema, 0) ?? new JsonObject();
        yield return new("empty object", Utf8("{}"));
        yield return new("array instead of an object", Utf8("[]"));
        yield return new("null body", Utf8("null"));
        yield return new("broken JSON", Utf8(root.ToJsonString()[..^1]));
        yield return new("deep nesting", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)));
        yield return new("over 1 MB", Huge(root), [413]);
        yield return new("over 1 MB, chunked", Huge(root), [413], Chunked: true);
        if (root is JsonObject)
        {
            yield return new("unknown property", Changed(root, [], "hostileUnknown", JsonValue.Create(1)));
        }

        foreach (var mutation in Properties(root, schema, [], 0))
        {
            yield return mutation;
        }
    }

    /// <summary>The body with one property set (or removed, for a null <paramref name="value"/> and <paramref name="remove"/>).</summary>
    private static byte[] Changed(JsonNode root, IReadOnlyList<object> path, object key, JsonNode? value, bool remove = false)
    {
        var copy = root.DeepClone();
        var parent = path.Aggregate(copy, (node, segment) => segment is int index ? node[index]! : node[(string)segment]!);
        if (key is int index)
        {
            parent[index] = value;
        }
        else if (remove)
        {
            parent.AsObject().Remove((string)key);
        }
        else
        {
            parent[(string)key] = value;
        }

        return Utf8(copy.ToJsonString());
    }

    private static IEnumerable<BodyMutation> Properties(JsonNode root, SchemaNode? schema, IReadOnlyList<object> path, int depth)
    {
        var node = path.Aggregate(root, (current, segment) => segment is int index ? current[index]! : current[(string)segment]!);
        if (node is not JsonObject instance)
        {
            yield break;
        }

        var declared = schema?.Properties ?? new Dictionary<string, SchemaNode?>();
        var isMap = schema?.Values is not null && declared.Count == 0;
        var names = declared.Keys.Union(instance.Select(property => property.Key)).ToList();
        foreach (var name in names)
        {
            var property = isMap ? schema!.Values : declared.GetValueOrDefault(name);
            var label = string.Join('.', path.Append(name).Select(segment => segment is int index ? $"[{index}]" : segment)).Replace(".[", "[", StringComparison.Ordinal);
            foreach (var (what, value) in Values(property, instance[name]))
            {
                yield return new($"{label}: {what}", Changed(root, path, name, value));
            }

            if (schema?.Required.Contains(name) == true && instance.ContainsKey(name))
            {
                yield return new($"{label}: required, left out", Changed(root, path, name, null, remove: true));
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            if (instance[name] is JsonObject)
            {
                foreach (var nested in Properties(root, property, [.. path, name], depth + 1))
                {
                    yield return nested;
                }
            }
            else if (instance[name] is JsonArray { Count: > 0 } items)
            {
                foreach (var (what, value) in Values(property?.Items, items[0]))
                {
                    yield return new($"{label}[0]: {what}", Changed(root, [.. path, name], 0, value));
                }

                foreach (var nested in Properties(root, property?.Items, [.. path, name, 0], depth + 1))
                {
                    yield return nested;
                }
            }
        }

        if (isMap && instance.FirstOrDefault() is { Value: { } sample })
        {
            yield return new($"{string.Join('.', path)}: unknown key", Changed(root, path, "hostile-key\u0000", sample.DeepClone()));
        }
    }

    /// <summary>The hostile values for one property of the schema (or, without one, of the value's kind).</summary>
    private static IEnumerable<(string What, JsonNode? Value)> Values(SchemaNode? schema, JsonNode? current)
    {
        var kinds = schema?.Types is { Count: > 0 } types ? types : [KindOf(current)];
        yield return ("wrong type", WrongType(kinds));
        yield return ("null", null);
        if (kinds.Contains("string"))
        {
            yield return ("control characters and non-ASCII", JsonValue.Create(Hostile));
            yield return ("a long string (200 KB)", JsonValue.Create(new string('é', 100_000)));
            if (schema?.Enum.Count > 0)
            {
                yield return ("unknown enum value", JsonValue.Create("quantum-flux"));
            }

            if (schema?.Format is { } format)
            {
                yield return ($"not a {format}", JsonValue.Create($"not-a-{format}"));
            }
        }

        if (kinds.Contains("integer") || kinds.Contains("number"))
        {
            yield return ("negative", JsonValue.Create(-1));
            yield return ("over Int32", OutOfInt32.DeepClone());
            yield return ("over double", JsonNode.Parse("1e400"));
        }

        if (kinds.Contains("array"))
        {
            yield return ("a null item", new JsonArray((JsonNode?)null));
            yield return ("10,000 items", new JsonArray(Enumerable.Range(0, 10_000).Select(_ => (JsonNode?)JsonValue.Create("x")).ToArray()));
        }
    }

    private static JsonNode WrongType(IReadOnlyList<string> kinds) =>
        kinds.Contains("string") ? JsonValue.Create(12345)
        : kinds.Contains("integer") || kinds.Contains("number") ? JsonValue.Create("twelve")!
        : kinds.Contains("boolean") ? JsonValue.Create("yes")!
        : kinds.Contains("array") ? new JsonObject { ["not"] = "an array" }
        : JsonValue.Create("not an object")!;

    private static string KindOf(JsonNode? value) => value switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue => "number",
        _ => "string",
    };

    /// <summary>A body with the required properties of the schema, each with a plain value of its type.</summary>
    private static JsonNode? Sample(SchemaNode? schema, int depth)
    {
        var kinds = schema?.Types ?? [];
        return schema is null || depth > MaxDepth ? null
            : schema.Enum.Count > 0 ? JsonValue.Create(schema.Enum[0])
            : kinds.Contains("object") ? new JsonObject(schema.Properties.Where(property => schema.Required.Contains(property.Key))
                .Select(property => KeyValuePair.Create(property.Key, Sample(property.Value, depth + 1))))
            : kinds.Contains("array") ? new JsonArray()
            : kinds.Contains("integer") || kinds.Contains("number") ? JsonValue.Create(1)
            : kinds.Contains("boolean") ? JsonValue.Create(false)
            : JsonValue.Create(schema.Format == "uuid" ? Guid.CreateVersion7().ToString() : "probe");
    }

    private static byte[] Huge(JsonNode root)
    {
        var copy = root.DeepClone();
        if (copy is JsonObject body)
        {
            body["padding"] = new string('x', OverLimit);
            return Utf8(body.ToJsonString());
        }

        return Utf8($$"""{"padding":"{{new string('x', OverLimit)}}"}""");
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
