using System.Collections.Concurrent;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>The signatures a process has accepted, remembered for as long as they are valid, so that a copy of a
/// signed request is refused. Forgotten after <paramref name="retention"/>; swept as it grows.</summary>
public sealed class NonceLedger(TimeSpan retention)
{
    /// <summary>Every this many nonces taken, the expired ones are dropped.</summary>
    public const int SweepEvery = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _added;

    /// <summary>How many nonces are remembered (expired ones included until a sweep).</summary>
    public int Count => _seen.Count;

    /// <summary>True the first time a nonce is presented (or once its retention has passed); false for every copy
    /// while it is remembered.</summary>
    public bool TryRemember(string nonce, DateTimeOffset now)
    {
        var until = now + retention;
        while (!_seen.TryAdd(nonce, until))
        {
            if (_seen.TryGetValue(nonce, out var expires))
            {
                if (expires >= now)
                {
                    return false;
                }

                if (_seen.TryUpdate(nonce, until, expires))
                {
                    break; // remembered before, but long enough ago to be forgotten
                }
            }
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
