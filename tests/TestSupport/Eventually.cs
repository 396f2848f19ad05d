using System.Diagnostics;

namespace EscalationPlatform.Testing;

public static class Eventually
{
    /// <summary>Polls until the condition holds; throws with the last observed value when time runs out.</summary>
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> observe, Func<T, bool> condition, TimeSpan timeout, string what,
        TimeSpan? interval = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = await observe();
        while (!condition(last))
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"{what}: not reached within {timeout.TotalSeconds:0} s (last seen: {last}).");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
            last = await observe();
        }

        return last;
    }
}
