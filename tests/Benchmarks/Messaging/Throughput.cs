using System.Diagnostics;

namespace Benchmarks.Messaging;

/// <summary>Counts arrivals and remembers when the first and the last came.</summary>
public sealed class ArrivalCounter(int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;
    private long _first;
    private long _last;

    public int Expected { get; } = expected;

    public long Count => Interlocked.Read(ref _count);

    public void Arrived()
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _first, now, 0);
        Interlocked.Exchange(ref _last, now);
        if (Interlocked.Increment(ref _count) == Expected)
        {
            _all.TrySetResult();
        }
    }

    public Task WaitAsync(TimeSpan timeout) => _all.Task.WaitAsync(timeout);

    /// <summary>Arrivals per second between the first and the last arrival.</summary>
    public double Rate => (Expected - 1) / Stopwatch.GetElapsedTime(_first, _last).TotalSeconds;
}
