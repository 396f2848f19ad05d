using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationPlatform.Contracts;
using Triage.Domain;

namespace Triage.Api.Configuration;

/// <summary>Matrix rules as stored and as the API shows them: [{ "id", "severity": "S1", "description", "when" }].</summary>
public static class MatrixJson
{
    public static string Write(IEnumerable<MatrixRule> rules) => new JsonArray([.. rules.Select(ToNode)]).ToJsonString();

    public static JsonObject ToNode(MatrixRule rule) => new()
    {
        ["id"] = rule.Id,
        ["severity"] = rule.Severity.ToString(),
        ["description"] = rule.Description,
        ["when"] = ConditionJson.Write(rule.When),
    };

    /// <summary>Reads rules; a shape error names its path (rules[3].when.any[0]).</summary>
    public static IReadOnlyList<MatrixRule> Read(JsonElement rules)
    {
        if (rules.ValueKind != JsonValueKind.Array)
        {
            throw new MatrixFormatException("rules", "must be a list");
        }

        RefuseNul(rules, "rules");
        return [.. rules.EnumerateArray().Select((rule, index) => ReadRule(rule, $"rules[{index}]"))];
    }

    /// <summary>The matrix is stored as jsonb, which cannot hold the NUL character: a text holding one is named here.</summary>
    private static void RefuseNul(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when element.GetString()!.Contains('\0'):
                throw new MatrixFormatException(path, "must not contain the NUL character");
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    RefuseNul(item, $"{path}[{index++}]");
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    RefuseNul(property.Value, $"{path}.{property.Name}");
                }

                break;
        }
    }

    private static MatrixRule ReadRule(JsonElement rule, string path)
    {
        string Text(string name) => rule.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new MatrixFormatException($"{path}.{name}", "required text");

        if (rule.ValueKind != JsonValueKind.Object)
        {
            throw new MatrixFormatException(path, "must be an object");
        }

        var severityText = Text("severity");
        if (!Enum.TryParse<Severity>(severityText, ignoreCase: true, out var severity) || !Enum.IsDefined(severity))
        {
            throw new MatrixFormatException($"{path}.severity", "S1, S2, S3 or S4");
        }

        if (!rule.TryGetProperty("when", out var when))
        {
            throw new MatrixFormatException($"{path}.when", "required condition");
        }

        return new MatrixRule(Text("id"), severity, Text("description"), ConditionJson.Read(when, $"{path}.when"));
    }
}
