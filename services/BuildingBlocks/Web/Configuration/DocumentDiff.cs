using System.Text.Json.Nodes;

namespace EscalationPlatform.Web.Configuration;

/// <summary>One difference between two versions of a document: where (a path such as <c>rules[s2-billing].severity</c>),
/// whether it was added, removed or changed, and the values on either side.</summary>
public sealed record DocumentChange(string Path, string Change, JsonNode? Before, JsonNode? After);

/// <summary>What changed between two versions of a configuration document, as a person reads it: objects compared
/// member by member, a list of objects with an <c>id</c> matched by that id (so a rule edited in place is one change,
/// not a removal and an addition, whatever the order), and a list of plain values compared as a set (a holiday added).</summary>
public static class DocumentDiff
{
    public static IReadOnlyList<DocumentChange> Between(JsonNode? before, JsonNode? after)
    {
        var changes = new List<DocumentChange>();
        Compare(before, after, "", changes);
        return changes;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string path, List<DocumentChange> changes)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (null, _):
                changes.Add(new(path, "added", null, after!.DeepClone()));
                break;
            case (_, null):
                changes.Add(new(path, "removed", before.DeepClone(), null));
                break;
            case (JsonObject left, JsonObject right):
                foreach (var name in left.Select(member => member.Key).Union(right.Select(member => member.Key)))
                {
                    Compare(left[name], right[name], Join(path, name), changes);
                }

                break;
            case (JsonArray left, JsonArray right) when Ids(left) is { } leftIds && Ids(right) is { } rightIds:
                foreach (var id in leftIds.Keys.Union(rightIds.Keys))
                {
                    Compare(leftIds.GetValueOrDefault(id), rightIds.GetValueOrDefault(id), $"{path}[{id}]", changes);
                }

                break;
            case (JsonArray left, JsonArray right) when left.All(IsValue) && right.All(IsValue):
                changes.AddRange(left.Where(item => !right.Any(other => JsonNode.DeepEquals(item, other)))
                    .Select(item => new DocumentChange(path, "removed", item!.DeepClone(), null)));
                changes.AddRange(right.Where(item => !left.Any(other => JsonNode.DeepEquals(item, other)))
                    .Select(item => new DocumentChange(path, "added", null, item!.DeepClone())));
                break;
            default:
                changes.Add(new(path, "changed", before.DeepClone(), after.DeepClone()));
                break;
        }
    }

    /// <summary>The items of a list of objects by their distinct text <c>id</c>; null for any other list.</summary>
    private static Dictionary<string, JsonNode>? Ids(JsonArray items)
    {
        var byId = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not JsonObject member || member["id"] is not JsonValue id || !id.TryGetValue<string>(out var text) || !byId.TryAdd(text, member))
            {
                return null;
            }
        }

        return byId;
    }

    private static bool IsValue(JsonNode? node) => node is JsonValue;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
