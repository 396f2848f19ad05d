using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triage.Domain;

/// <summary>Conditions as JSON: {"all":[…]}, {"any":[…]}, {"not":…}, {"always":true}, and tests of one fact:
/// {"fact":"urgency.outage","is":true}, {"fact":"impact.scope","in":["team"]},
/// {"fact":"urgency.hoursToDeadline","atMost":48}, {"fact":"impact.affectedCount","atLeast":10}.</summary>
public static class ConditionJson
{
    public static Condition Read(JsonElement json, string path = "when")
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new MatrixFormatException(path, "must be an object");
        }

        if (json.TryGetProperty("all", out var all))
        {
            return new AllOf(List(all, $"{path}.all"));
        }

        if (json.TryGetProperty("any", out var any))
        {
            return new AnyOf(List(any, $"{path}.any"));
        }

        if (json.TryGetProperty("not", out var not))
        {
            return new Not(Read(not, $"{path}.not"));
        }

        if (json.TryGetProperty("always", out var always))
        {
            return always.ValueKind == JsonValueKind.True ? new Always() : throw new MatrixFormatException($"{path}.always", "must be true");
        }

        if (!json.TryGetProperty("fact", out var factElement) || factElement.ValueKind != JsonValueKind.String)
        {
            throw new MatrixFormatException(path, "needs one of all, any, not, always, or a fact with is, in, atMost or atLeast");
        }

        var fact = factElement.GetString()!;
        if (json.TryGetProperty("is", out var value))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new FactIs(fact, value.GetBoolean())
                : throw new MatrixFormatException($"{path}.is", "must be true or false");
        }

        if (json.TryGetProperty("in", out var values))
        {
            return values.ValueKind == JsonValueKind.Array && values.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
                ? new FactIn(fact, [.. values.EnumerateArray().Select(item => item.GetString()!)])
                : throw new MatrixFormatException($"{path}.in", "must be a list of strings");
        }

        if (json.TryGetProperty("atMost", out var atMost))
        {
            return atMost.TryGetDouble(out var limit) ? new FactAtMost(fact, limit) : throw new MatrixFormatException($"{path}.atMost", "must be a number");
        }

        if (json.TryGetProperty("atLeast", out var atLeast))
        {
            return atLeast.TryGetDouble(out var limit) ? new FactAtLeast(fact, limit) : throw new MatrixFormatException($"{path}.atLeast", "must be a number");
        }

        throw new MatrixFormatException(path, $"a test of '{fact}' needs is, in, atMost or atLeast");
    }

    public static JsonNode Write(Condition condition) => condition switch
    {
        AllOf all => new JsonObject { ["all"] = new JsonArray([.. all.Conditions.Select(Write)]) },
        AnyOf any => new JsonObject { ["any"] = new JsonArray([.. any.Conditions.Select(Write)]) },
        Not not => new JsonObject { ["not"] = Write(not.Condition) },
        Always => new JsonObject { ["always"] = true },
        FactIs test => new JsonObject { ["fact"] = test.Fact, ["is"] = test.Value },
        FactIn test => new JsonObject { ["fact"] = test.Fact, ["in"] = new JsonArray([.. test.Values.Select(value => (JsonNode)value!)]) },
        FactAtMost test => new JsonObject { ["fact"] = test.Fact, ["atMost"] = test.Limit },
        FactAtLeast test => new JsonObject { ["fact"] = test.Fact, ["atLeast"] = test.Limit },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name, "not a known condition"),
    };

    private static List<Condition> List(JsonElement json, string path) =>
        json.ValueKind == JsonValueKind.Array && json.GetArrayLength() > 0
            ? [.. json.EnumerateArray().Select((item, index) => Read(item, $"{path}[{index}]"))]
            : throw new MatrixFormatException(path, "must be a non-empty list of conditions");
}

/// <summary>A matrix definition that cannot be read, with where (a JSON path) and why.</summary>
public sealed class MatrixFormatException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
