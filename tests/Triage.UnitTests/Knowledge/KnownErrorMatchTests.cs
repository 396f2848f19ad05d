using EscalationPlatform.Contracts;
using Triage.Domain.Knowledge;

namespace Triage.UnitTests.Knowledge;

public sealed class KnownErrorMatchTests
{
    [Theory]
    [InlineData(1.0, 1.0, true, 1.0)]
    [InlineData(1.0, 0.0, false, 0.75)]
    [InlineData(0.8, 0.6, true, 0.79)]
    [InlineData(0.4, 0.0, false, 0.3)]
    [InlineData(0.29, 1.0, true, 0.6)] // words alone: never above the ceiling
    [InlineData(0.0, 0.4, false, 0.2)]
    [InlineData(0.0, 0.0, false, 0.0)]
    public void The_error_message_weighs_most_and_words_alone_stay_under_the_ceiling(double signature, double text, bool area, double expected) =>
        Assert.Equal(expected, KnownErrorMatch.Score(new MatchEvidence(signature, text, area)), 2);

    [Fact]
    public void Words_alone_never_reach_the_default_deflection_threshold() =>
        Assert.True(KnownErrorMatch.Score(new MatchEvidence(KnownErrorMatch.SignatureFloor - 0.01, 1, true)) < Deflection.DefaultThreshold);

    [Fact]
    public void Reasons_say_what_matched_in_words()
    {
        Assert.Equal(["the same error message (numbers, ids and times aside)", "words of the case in the known error's signature, title or symptoms", "the same product area (billing)"],
            KnownErrorMatch.Reasons(new MatchEvidence(1, 0.2, true), "billing"));
        Assert.Equal(["an error message 62% like a known one"], KnownErrorMatch.Reasons(new MatchEvidence(0.62, 0, false), null));
    }

    [Fact]
    public void Ranking_keeps_the_three_best_above_the_floor_best_first()
    {
        var ranked = KnownErrorMatch.Rank([
            ("a", "Alpha", null, new MatchEvidence(0.7, 0, false)),
            ("b", "Beta", null, new MatchEvidence(1, 0, false)),
            ("c", "Gamma", null, new MatchEvidence(0.4, 0.5, true)), // 0.47: worth showing, but not among the best three
            ("d", "Delta", null, new MatchEvidence(0.7, 0, false)),
            ("e", "Epsilon", null, new MatchEvidence(0.3, 0.4, false)), // 0.29: not worth showing
        ]);

        Assert.Equal(["b", "a", "d"], ranked.Select(suggestion => suggestion.ArticleId));
        Assert.DoesNotContain(KnownErrorMatch.Rank([("e", "Epsilon", null, new MatchEvidence(0.3, 0.4, false))], 10), suggestion => suggestion.ArticleId == "e");
    }
}

public sealed class DeflectionTests
{
    private const string WithWorkaround = "Clear the cache.";
    private static readonly Suggestion Strong = new("stale-pdf", "Stale PDF", 0.9, []);

    private static KnowledgeSettings Threshold(double threshold) => KnowledgeSettings.Default with { DeflectionThreshold = threshold };

    [Theory]
    [InlineData(Severity.S1)]
    [InlineData(Severity.S2)]
    public void Severe_cases_are_never_deflected_however_strong_the_match(Severity severity) =>
        Assert.Equal(new DeflectionDecision(false, $"{severity} cases are never deflected"), Deflection.Decide(severity, Strong with { Score = 1 }, WithWorkaround, Threshold(0.5)));

    [Theory]
    [InlineData(Severity.S3)]
    [InlineData(Severity.S4)]
    public void A_strong_match_with_a_workaround_deflects_S3_and_S4(Severity severity) =>
        Assert.True(Deflection.Decide(severity, Strong, WithWorkaround, Threshold(Deflection.DefaultThreshold)).Deflect);

    [Fact]
    public void The_threshold_is_inclusive_and_a_weaker_match_is_routed()
    {
        Assert.True(Deflection.Decide(Severity.S4, Strong with { Score = 0.85 }, WithWorkaround, Threshold(0.85)).Deflect);
        Assert.Equal("the best match scores 0.84, below the threshold 0.85", Deflection.Decide(Severity.S4, Strong with { Score = 0.84 }, WithWorkaround, Threshold(0.85)).Why);
    }

    [Fact]
    public void Without_a_match_or_a_workaround_nothing_is_deflected()
    {
        Assert.False(Deflection.Decide(Severity.S4, null, null, Threshold(0.85)).Deflect);
        Assert.Equal("the known error \"Stale PDF\" has no workaround to give back",
            Deflection.Decide(Severity.S4, Strong, "  ", Threshold(0.85)).Why);
    }

    [Fact]
    public void A_tenant_that_switched_deflection_off_has_every_case_routed() =>
        Assert.Equal(new DeflectionDecision(false, "deflection is switched off in the knowledge settings"),
            Deflection.Decide(Severity.S4, Strong with { Score = 1 }, WithWorkaround, KnowledgeSettings.Default with { Deflect = false }));
}
