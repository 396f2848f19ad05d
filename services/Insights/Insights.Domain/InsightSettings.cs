namespace Insights.Domain;

/// <summary>A tenant's thresholds for what insights flags (a versioned document, like the matrix).</summary>
/// <param name="BounceAfter">A case handed to another team more than this many times is bouncing.</param>
/// <param name="RepeatEscalations">A customer with at least this many escalations within <paramref name="RepeatWindowDays"/> escalates repeatedly.</param>
/// <param name="RepeatWindowDays">The window repeat escalations are counted in.</param>
/// <param name="TooLateActions">Handed in after at least this many frontline actions: too late.</param>
/// <param name="TooLatePercent">Handed in after this share of the first-response target had already passed since the problem was first seen: too late.</param>
/// <param name="StallHours">How long an owned case may go without an owner action or customer update when it has no update cadence of its own.</param>
public sealed record InsightSettings(
    int BounceAfter = 2,
    int RepeatEscalations = 3,
    int RepeatWindowDays = 30,
    int TooLateActions = 5,
    int TooLatePercent = 50,
    int StallHours = 24)
{
    public static InsightSettings Default { get; } = new();

    public TimeSpan StallAfter => TimeSpan.FromHours(StallHours);

    /// <summary>Every out-of-range field, named with what it allows.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        Check(problems, "bounceAfter", BounceAfter, 1, 50);
        Check(problems, "repeatEscalations", RepeatEscalations, 2, 1_000);
        Check(problems, "repeatWindowDays", RepeatWindowDays, 1, 365);
        Check(problems, "tooLateActions", TooLateActions, 1, 100);
        Check(problems, "tooLatePercent", TooLatePercent, 1, 100);
        Check(problems, "stallHours", StallHours, 1, 24 * 30);
        return problems;
    }

    private static void Check(Dictionary<string, string> problems, string field, int value, int least, int most)
    {
        if (value < least || value > most)
        {
            problems[field] = $"a whole number from {least} to {most}";
        }
    }
}
