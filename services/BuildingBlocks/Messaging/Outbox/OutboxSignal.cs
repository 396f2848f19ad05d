namespace EscalationPlatform.Messaging.Outbox;

/// <summary>Wakes the delivery service: raised when outbox rows commit (by the database notification) or when the
/// listener reconnects. Several raises before a wait count as one.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _raised = new(0, 1);
    private readonly Lock _gate = new();

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
