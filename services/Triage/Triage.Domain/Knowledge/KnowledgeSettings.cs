using System.Globalization;

namespace Triage.Domain.Knowledge;

/// <summary>A tenant's knowledge settings (a versioned document, like the matrix): whether and from which score a strong
/// match deflects an S3 or S4 case (<see cref="Deflection"/>), and the pattern rule that raises a problem record
/// (<see cref="PatternDetector"/>: <paramref name="ProblemCases"/> escalations sharing one of <paramref name="ProblemKinds"/>
/// within <paramref name="ProblemWindowMinutes"/>).</summary>
public sealed record KnowledgeSettings(
    bool Deflect = true,
    double DeflectionThreshold = Deflection.DefaultThreshold,
    int ProblemCases = 5,
    int ProblemWindowMinutes = 60,
    IReadOnlyList<PatternKind>? ProblemKinds = null)
{
    public const double LowestThreshold = 0.6;

    public static KnowledgeSettings Default { get; } = new();

    public PatternSettings Patterns => new(ProblemCases, TimeSpan.FromMinutes(ProblemWindowMinutes),
        new HashSet<PatternKind>(ProblemKinds ?? Enum.GetValues<PatternKind>()));

    /// <summary>Every out-of-range field, named with what it allows. A threshold below
    /// <see cref="LowestThreshold"/> would deflect on words alone (<see cref="KnownErrorMatch.WordsOnlyCeiling"/>).</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (double.IsNaN(DeflectionThreshold) || DeflectionThreshold < LowestThreshold || DeflectionThreshold > 1)
        {
            problems["deflectionThreshold"] = string.Create(CultureInfo.InvariantCulture,
                $"a score from {LowestThreshold:0.0} to 1.0 (below {LowestThreshold:0.0}, words alone without the same error message would deflect)");
        }

        if (ProblemCases is < 2 or > 100)
        {
            problems["problemCases"] = "a whole number from 2 to 100";
        }

        if (ProblemWindowMinutes is < 5 or > 7 * 24 * 60)
        {
            problems["problemWindowMinutes"] = "a whole number of minutes from 5 to 10080 (a week)";
        }

        if (ProblemKinds is { Count: 0 })
        {
            problems["problemKinds"] = "at least one of error-signature, release, product-area (leave it out for all three)";
        }

        return problems;
    }
}
