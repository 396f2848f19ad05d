namespace Insights.Domain;

/// <summary>What a customer's rating may be: a score from 1 to 5 and an optional comment.</summary>
public static class CsatRules
{
    public const int MaxComment = 2_000;

    /// <summary>Satisfied: 4 or 5.</summary>
    public const int SatisfiedFrom = 4;

    public static IReadOnlyDictionary<string, string> Problems(int? score, string? comment)
    {
        var problems = new Dictionary<string, string>();
        if (score is not (>= 1 and <= 5))
        {
            problems["score"] = "a whole number from 1 (very unhappy) to 5 (very happy)";
        }

        if (comment?.Length > MaxComment)
        {
            problems["comment"] = $"at most {MaxComment} characters";
        }

        return problems;
    }
}
