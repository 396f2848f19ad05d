using Polly;
using Polly.Retry;

namespace EscalationPlatform.Testing;

public static class Eventually
{
    /// <summary>Polls until the condition holds; throws with the last observed value when time runs out.</summary>
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> observe, Func<T, bool> condition, TimeSpan timeout, string what,
        TimeSpan? interval = null)
    {
        var last = await PollAsync(observe, condition, timeout, interval);
        return condition(last) ? last : throw new TimeoutException($"{what}: not reached within {timeout.TotalSeconds:0} s (last seen: {Describe(last)}).");
    }

    /// <summary>A collection by its count and items (its own ToString names only its type).</summary>
    private static string Describe<T>(T value) => value is System.Collections.IEnumerable items and not string
        ? $"{items.Cast<object?>().Count()} item(s): [{string.Join("; ", items.Cast<object?>())}]"
        : $"{value}";

    /// <summary>Observes every <paramref name="interval"/> (100 ms) until the condition holds or
    /// <paramref name="timeout"/> has passed, and answers the last value observed either way.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> observe, Func<T, bool> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        var pipeline = new ResiliencePipelineBuilder<T> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<T>
            {
                ShouldHandle = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is null && !condition(arguments.Outcome.Result!) && clock.GetElapsedTime(started) <= timeout),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Constant,
                Delay = interval ?? TimeSpan.FromMilliseconds(100),
            })
            .Build();
        return await pipeline.ExecuteAsync(async _ => await observe());
    }
}
