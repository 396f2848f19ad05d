using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Validation;
using Triage.Domain;

namespace Triage.Api.Configuration;

/// <summary>The context checklists as a versioned document:
/// { "issueTypes": { "technical": [{ "id", "description", "anyOf": ["context.errorMessages", "context.logLinks"] }], … } }.</summary>
public sealed class ChecklistDocument : IConfigDocument<ContextChecklist>
{
    public static readonly ChecklistDocument Instance = new();

    private static readonly string IssueTypes = string.Join(", ", Enum.GetValues<IssueType>().Select(Wire.Name));

    public string Name => "checklists";

    public string Label => "context checklists";

    public ContextChecklist Default => ContextChecklist.Default;

    public ContextChecklist? Read(JsonElement document, ValidationErrors errors)
    {
        if (!DocumentShape.Members(document, errors, "issueTypes"))
        {
            return null;
        }

        if (!document.TryGetProperty("issueTypes", out var types) || types.ValueKind != JsonValueKind.Object)
        {
            errors.Add("issueTypes", $"required: an object with a list of items for each of {IssueTypes}");
            return null;
        }

        var items = new Dictionary<IssueType, IReadOnlyList<ChecklistItem>>();
        foreach (var type in types.EnumerateObject())
        {
            var path = $"issueTypes.{(type.Name.Length > 40 ? type.Name[..40] : type.Name)}";
            var issueType = Enum.GetValues<IssueType>().Cast<IssueType?>().FirstOrDefault(known => Wire.Name(known!.Value) == type.Name);
            if (issueType is null)
            {
                errors.Add(path, $"not an issue type: use {IssueTypes}");
            }
            else if (type.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(path, "must be a list of items");
            }
            else
            {
                items[issueType.Value] = [.. type.Value.EnumerateArray().Select((item, index) => Item(item, $"{path}[{index}]", errors))];
            }
        }

        if (!errors.IsValid)
        {
            return null;
        }

        var checklist = new ContextChecklist(items);
        errors.AddAll(ValidationErrors.Of(ChecklistRules.Check(checklist)).ToDictionary().AsReadOnly());
        return errors.IsValid ? checklist : null;
    }

    public JsonObject Write(ContextChecklist value)
    {
        var types = new JsonObject();
        foreach (var issueType in Enum.GetValues<IssueType>().Where(value.Items.ContainsKey))
        {
            types[Wire.Name(issueType)] = new JsonArray([.. value.Items[issueType].Select(item => (JsonNode)new JsonObject
            {
                ["id"] = item.Id,
                ["description"] = item.Description,
                ["anyOf"] = new JsonArray([.. item.AnyOf.Select(fact => (JsonNode)fact!)]),
            })]);
        }

        return new JsonObject { ["issueTypes"] = types };
    }

    private static ChecklistItem Item(JsonElement item, string path, ValidationErrors errors)
    {
        string Text(string name)
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString()!;
            }

            errors.Add($"{path}.{name}", "required text");
            return "";
        }

        var facts = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array
            && anyOf.EnumerateArray().All(fact => fact.ValueKind == JsonValueKind.String)
            ? anyOf.EnumerateArray().Select(fact => fact.GetString()!).ToList()
            : null;
        if (facts is null)
        {
            errors.Add($"{path}.anyOf", "required: a list of facts, any of which satisfies the item");
        }

        return new ChecklistItem(Text("id"), Text("description"), facts ?? []);
    }
}
