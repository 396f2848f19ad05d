namespace EscalationPlatform.Messaging.Recovery;

/// <summary>The receive endpoints that faulted (lost the broker) and have not been ready since, and when the first
/// of them faulted: the outage. Decides which of them to restart when the broker answers again, at most one restart
/// per endpoint per <paramref name="minimumRestartInterval"/> so a broker that flaps cannot start a restart loop.</summary>
internal sealed class FaultedEndpoints<TEndpoint>(TimeSpan minimumRestartInterval)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Uri, TEndpoint> _faulted = [];
    private readonly Dictionary<Uri, DateTimeOffset> _lastRestart = [];
    private DateTimeOffset? _outageSince;

    public bool Any
    {
        get
        {
            lock (_gate)
            {
                return _faulted.Count > 0;
            }
        }
    }

    public void Faulted(Uri address, TEndpoint endpoint, DateTimeOffset at)
    {
        lock (_gate)
        {
            _faulted[address] = endpoint;
            _outageSince ??= at;
        }
    }

    public void Ready(Uri address)
    {
        lock (_gate)
        {
            _faulted.Remove(address);
            if (_faulted.Count == 0)
            {
                _outageSince = null;
            }
        }
    }

    /// <summary>The broker answers at <paramref name="now"/>: the faulted endpoints not restarted within the minimum
    /// interval (now marked restarted), and how long the broker was away (since the first fault).</summary>
    public EndpointRestarts<TEndpoint> TakeDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            var due = _faulted
                .Where(entry => !_lastRestart.TryGetValue(entry.Key, out var last) || now - last >= minimumRestartInterval)
                .ToList();
            foreach (var (address, _) in due)
            {
                _lastRestart[address] = now;
            }

            return new EndpointRestarts<TEndpoint>([.. due.Select(entry => entry.Value)], _outageSince is { } since ? now - since : TimeSpan.Zero);
        }
    }
}

internal sealed record EndpointRestarts<TEndpoint>(IReadOnlyList<TEndpoint> Endpoints, TimeSpan BrokerAway);
