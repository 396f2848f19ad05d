namespace Insights.Domain;

/// <summary>A category (an issue type, a product area, an error signature) is trending when its count in the latest
/// period has grown against its own baseline: the average of the periods before.</summary>
public static class Trends
{
    /// <summary>Fewer escalations than this in the latest period are never a trend, however they compare.</summary>
    public const int LeastCount = 3;

    /// <summary>The growth against the baseline that makes a trend.</summary>
    public const double LeastGrowth = 2.0;

    /// <param name="latest">The count in the latest period.</param>
    /// <param name="before">The counts in the periods before it (zero where there were none).</param>
    public static Trend Of(int latest, IReadOnlyList<int> before)
    {
        var baseline = before.Count == 0 ? 0 : before.Average();
        var growth = baseline == 0 ? (latest > 0 ? double.PositiveInfinity : 0) : latest / baseline;
        return new Trend(latest, baseline, growth, latest >= LeastCount && growth >= LeastGrowth);
    }
}

/// <param name="Latest">The count in the latest period.</param>
/// <param name="Baseline">The average count of the periods before.</param>
/// <param name="Growth">Latest over baseline; infinite for a category new in the latest period.</param>
/// <param name="Trending">At least <see cref="Trends.LeastCount"/> and grown at least <see cref="Trends.LeastGrowth"/> times.</param>
public sealed record Trend(int Latest, double Baseline, double Growth, bool Trending);
