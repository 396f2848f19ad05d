using System.Collections.Concurrent;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>The signatures a process has accepted, remembered for as long as they are valid, so that a copy of a
/// signed request is refused. Forgotten after <paramref name="retention"/>; swept as it grows.</summary>
public sealed class NonceLedger(TimeSpan retention)
{
    private const int SweepEvery = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _added;

    /// <summary>True the first time a nonce is presented; false for every copy while it is remembered.</summary>
    public bool TryRemember(string nonce, DateTimeOffset now)
    {
        if (!_seen.TryAdd(nonce, now + retention))
        {
            return false;
        }

        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
        {
            foreach (var (key, expires) in _seen)
            {
                if (expires < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return true;
    }
}
