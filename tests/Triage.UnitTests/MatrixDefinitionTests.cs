using System.Text.Json;
using EscalationPlatform.Contracts;
using Triage.Domain;

namespace Triage.UnitTests;

public sealed class MatrixDefinitionTests
{
    [Fact]
    public void The_default_matrix_survives_a_round_trip_through_json_and_decides_the_same()
    {
        var original = DefaultMatrix.Create();
        var copy = original.Rules
            .Select(rule => rule with { When = ConditionJson.Read(JsonDocument.Parse(ConditionJson.Write(rule.When).ToJsonString()).RootElement) })
            .ToList();
        var facts = FactSheet.From(Cases.Technical(ImpactScope.Team, workaround: false, urgency: u => u with { Outage = true }));

        Assert.Equal(original.Evaluate(facts).Fired.Select(rule => rule.Id), new EscalationMatrix(1, copy).Evaluate(facts).Fired.Select(rule => rule.Id));
    }

    [Fact]
    public void The_default_matrix_is_valid()
    {
        Assert.Empty(MatrixValidation.Validate(DefaultMatrix.Create().Rules));
    }

    [Fact]
    public void A_rule_on_sentiment_is_refused()
    {
        var errors = MatrixValidation.Validate([new MatrixRule("loud", Severity.S1, "loud customers", new FactIn("sentiment", ["angry"]))]);

        Assert.Contains("sentiment cannot decide severity", Assert.Single(errors["rules[0].when"]));
    }

    [Fact]
    public void Unknown_facts_duplicate_ids_bad_ids_and_empty_descriptions_are_refused_with_their_paths()
    {
        var errors = MatrixValidation.Validate(
        [
            new MatrixRule("a", Severity.S2, "ok", new FactIs("urgency.moonPhase", true)),
            new MatrixRule("a", Severity.S3, "", new Always()),
            new MatrixRule("Bad Id", Severity.S4, "ok", new Always()),
        ]);

        Assert.Contains("unknown fact 'urgency.moonPhase'", errors["rules[0].when"][0]);
        Assert.Contains("used by an earlier rule", errors["rules[1].id"][0]);
        Assert.True(errors.ContainsKey("rules[1].description"));
        Assert.True(errors.ContainsKey("rules[2].id"));
    }

    [Fact]
    public void An_empty_matrix_is_refused()
    {
        Assert.True(MatrixValidation.Validate([]).ContainsKey("rules"));
    }

    [Theory]
    [InlineData("[]", "when")]
    [InlineData("{\"all\":[]}", "when.all")]
    [InlineData("{\"any\":[{\"fact\":1}]}", "when.any[0]")]
    [InlineData("{\"fact\":\"urgency.outage\",\"is\":\"yes\"}", "when.is")]
    [InlineData("{\"fact\":\"impact.scope\",\"in\":[1]}", "when.in")]
    [InlineData("{\"always\":false}", "when.always")]
    [InlineData("{\"fact\":\"impact.affectedCount\"}", "when")]
    public void A_condition_that_cannot_be_read_says_where(string json, string path)
    {
        var error = Assert.Throws<MatrixFormatException>(() => ConditionJson.Read(JsonDocument.Parse(json).RootElement));

        Assert.Equal(path, error.Path);
    }
}
