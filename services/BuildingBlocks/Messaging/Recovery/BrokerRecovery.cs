namespace EscalationPlatform.Messaging.Recovery;

/// <summary>Signals that the broker answers again after an outage: <see cref="Recovered"/> is cancelled then, and a
/// fresh token stands for the next outage. Work waiting on the old connection (the outbox's sends inside MassTransit's
/// retry pauses) links it in to give up and start again at once.</summary>
public sealed class BrokerRecovery
{
    private CancellationTokenSource _current = new();

    public CancellationToken Recovered => Volatile.Read(ref _current).Token;

    internal void Signal() => Interlocked.Exchange(ref _current, new CancellationTokenSource()).Cancel();
}
