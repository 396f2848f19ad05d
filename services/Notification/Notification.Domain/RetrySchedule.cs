namespace Notification.Domain;

/// <summary>SPEC §7: at least five attempts with exponential backoff over at least twenty minutes, then a dead
/// letter. Attempts at 0, 30 s, 2 min 30 s, 7 min 30 s and 22 min 30 s after the first.</summary>
public static class RetrySchedule
{
    /// <summary>The wait after the first, second, third and fourth failure.</summary>
    public static IReadOnlyList<TimeSpan> DelaysAfterFailure { get; } =
    [
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
    ];

    public static int MaxAttempts => DelaysAfterFailure.Count + 1;

    /// <summary>When to try again after <paramref name="failedAttempts"/> failures; null when it is time to give up
    /// (the delivery is dead). <paramref name="scale"/> multiplies every delay (tests reach the dead letter quickly).</summary>
    public static TimeSpan? After(int failedAttempts, double scale = 1) =>
        failedAttempts >= 1 && failedAttempts < MaxAttempts ? DelaysAfterFailure[failedAttempts - 1] * scale : null;
}
