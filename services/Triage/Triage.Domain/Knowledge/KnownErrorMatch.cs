using System.Globalization;

namespace Triage.Domain.Knowledge;

/// <summary>What the search found between a case and one known error: how alike the closest of its error messages is
/// (trigram similarity of the signatures, 0 to 1), how relevant its words are (full-text rank, 0 to 1, the signature
/// weighing most, then the title, then the symptoms), and whether both name the same product area.</summary>
public sealed record MatchEvidence(double SignatureSimilarity, double TextRelevance, bool SameProductArea);

/// <summary>A known error suggested for a case: its score (0 to 1) and why it matched, in words.</summary>
public sealed record Suggestion(string ArticleId, string Title, double Score, IReadOnlyList<string> Reasons);

/// <summary>How much a known error matches a case. The error message decides: words alone (the title, the symptoms)
/// score at most <see cref="WordsOnlyCeiling"/>, below any sensible deflection threshold, because two cases can describe
/// different faults in the same words while the same error message is the same fault.</summary>
public static class KnownErrorMatch
{
    /// <summary>Below this similarity two signatures are different errors that share some letters.</summary>
    public const double SignatureFloor = 0.3;

    /// <summary>Weaker suggestions are not shown: below it a match is one shared word or a trigram overlap near the
    /// floor. Measured on the labelled set (docs/performance.md): messages of no known error scored at most 0.31, the
    /// right known error at least 0.48 (a message cut short).</summary>
    public const double SuggestFrom = 0.4;

    public const int MaxSuggestions = 3;

    public const double WordsOnlyCeiling = 0.6;

    public static double Score(MatchEvidence evidence)
    {
        var signature = Math.Clamp(evidence.SignatureSimilarity, 0, 1);
        var text = Math.Clamp(evidence.TextRelevance, 0, 1);
        var area = evidence.SameProductArea ? 1 : 0;
        var score = signature >= SignatureFloor
            ? 0.75 * signature + 0.15 * text + 0.10 * area
            : 0.5 * text + 0.10 * area;
        return Math.Round(score, 2, MidpointRounding.AwayFromZero);
    }

    public static IReadOnlyList<string> Reasons(MatchEvidence evidence, string? productArea)
    {
        var reasons = new List<string>();
        if (evidence.SignatureSimilarity >= 0.999)
        {
            reasons.Add("the same error message (numbers, ids and times aside)");
        }
        else if (evidence.SignatureSimilarity >= SignatureFloor)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"an error message {Math.Round(evidence.SignatureSimilarity * 100)}% like a known one"));
        }

        if (evidence.TextRelevance > 0)
        {
            reasons.Add("words of the case in the known error's signature, title or symptoms");
        }

        if (evidence.SameProductArea)
        {
            reasons.Add($"the same product area ({productArea})");
        }

        return reasons;
    }

    /// <summary>The suggestions worth showing, best first (ties by title), at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<Suggestion> Rank(IEnumerable<(string ArticleId, string Title, string? ProductArea, MatchEvidence Evidence)> candidates, int max = MaxSuggestions) =>
        [.. candidates.Select(candidate => new Suggestion(candidate.ArticleId, candidate.Title, Score(candidate.Evidence), Reasons(candidate.Evidence, candidate.ProductArea)))
            .Where(suggestion => suggestion.Score >= SuggestFrom)
            .OrderByDescending(suggestion => suggestion.Score).ThenBy(suggestion => suggestion.Title, StringComparer.Ordinal).ThenBy(suggestion => suggestion.ArticleId, StringComparer.Ordinal)
            .Take(max)];
}
