namespace EscalationPlatform.Messaging.Signals;

/// <summary>Wakes a background service that works from a table: raised by the PostgreSQL notification on
/// <see cref="Channel"/> (sent by a trigger when rows commit, see <see cref="NotifyTrigger"/>) or when the listener
/// reconnects. Several raises before a wait count as one. Each kind of work has its own subclass, registered with
/// <see cref="SignalServiceExtensions.AddDatabaseSignal{TDbContext, TSignal}"/>.</summary>
public abstract class DatabaseSignal(string channel)
{
    private readonly SemaphoreSlim _raised = new(0, 1);
    private readonly Lock _gate = new();

    /// <summary>The PostgreSQL notification channel that raises this signal.</summary>
    public string Channel { get; } = channel;

    public void Raise()
    {
        lock (_gate)
        {
            if (_raised.CurrentCount == 0) // otherwise already raised: the next wait returns at once
            {
                _raised.Release();
            }
        }
    }

    /// <summary>Waits for a raise or the timeout, whichever comes first; true if it was raised.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _raised.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, cancellationToken);
}
