namespace Notification.Api.Deliveries;

/// <summary>Configuration section "Notification:Worker".</summary>
public sealed class DeliveryWorkerOptions
{
    /// <summary>Due deliveries a worker takes (leases) at a time; at most <see cref="Parallelism"/> keeps a batch to
    /// one round of attempts.</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>Attempts a worker makes at the same time.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How long a taken delivery is the worker's alone. It must outlast a batch (BatchSize / Parallelism
    /// rounds of at most an attempt timeout each): a delivery whose lease runs out mid-attempt can be sent twice. A
    /// worker that dies leaves its deliveries to be taken again after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest the worker sleeps without a notification: the safety net if one is missed (for example while
    /// the listening connection reconnects). New deliveries, replays and the next due attempt wake it before.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
