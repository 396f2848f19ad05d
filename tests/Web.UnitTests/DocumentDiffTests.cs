using System.Text.Json.Nodes;
using EscalationPlatform.Web.Configuration;

namespace Web.UnitTests;

public sealed class DocumentDiffTests
{
    [Fact]
    public void A_rule_edited_in_place_is_one_change_at_its_id_whatever_the_order()
    {
        var before = JsonNode.Parse("""{ "rules": [ { "id": "a", "severity": "S2" }, { "id": "b", "severity": "S3" } ] }""");
        var after = JsonNode.Parse("""{ "rules": [ { "id": "b", "severity": "S3" }, { "id": "a", "severity": "S3" } ] }""");

        var change = Assert.Single(DocumentDiff.Between(before, after));

        Assert.Equal(("rules[a].severity", "changed", "S2", "S3"), (change.Path, change.Change, change.Before!.GetValue<string>(), change.After!.GetValue<string>()));
    }

    [Fact]
    public void Added_and_removed_items_and_members_are_named()
    {
        var before = JsonNode.Parse("""{ "rules": [ { "id": "a" }, { "id": "gone" } ], "old": 1 }""");
        var after = JsonNode.Parse("""{ "rules": [ { "id": "a" }, { "id": "new", "severity": "S1" } ], "fresh": true }""");

        var changes = DocumentDiff.Between(before, after).Select(change => (change.Path, change.Change)).ToList();

        Assert.Equal([("rules[gone]", "removed"), ("rules[new]", "added"), ("old", "removed"), ("fresh", "added")], changes);
    }

    [Fact]
    public void A_list_of_values_is_compared_as_a_set()
    {
        var before = JsonNode.Parse("""{ "holidays": ["2026-12-25", "2026-12-26"] }""");
        var after = JsonNode.Parse("""{ "holidays": ["2026-12-26", "2027-01-01"] }""");

        var changes = DocumentDiff.Between(before, after).Select(change => (change.Path, change.Change, (change.Before ?? change.After)!.GetValue<string>())).ToList();

        Assert.Equal([("holidays", "removed", "2026-12-25"), ("holidays", "added", "2027-01-01")], changes);
    }

    [Fact]
    public void Equal_documents_have_no_differences_and_a_first_version_is_all_added()
    {
        var document = JsonNode.Parse("""{ "rules": [ { "id": "a", "when": { "always": true } } ] }""");

        Assert.Empty(DocumentDiff.Between(document, document!.DeepClone()));
        Assert.Equal("added", Assert.Single(DocumentDiff.Between(null, document)).Change);
    }

    [Fact]
    public void Lists_without_ids_are_compared_whole()
    {
        var before = JsonNode.Parse("""{ "levels": [ { "target": "owner" } ] }""");
        var after = JsonNode.Parse("""{ "levels": [ { "target": "backup" } ] }""");

        Assert.Equal(("levels", "changed"), Assert.Single(DocumentDiff.Between(before, after)) is var change ? (change.Path, change.Change) : default);
    }
}
