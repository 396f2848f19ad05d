using EscalationPlatform.Messaging.Signals;

namespace Notification.Api.Deliveries;

/// <summary>Wakes the <see cref="DeliveryWorker"/> when a delivery becomes pending and free to take: planned,
/// replayed, or put back after a failed attempt (<see cref="Trigger"/>).</summary>
public sealed class DeliverySignal() : DatabaseSignal(ChannelName)
{
    public const string ChannelName = "delivery_pending";

    /// <summary>Notifies only for written rows a worker may take: a worker's own lease or outcome of a successful or
    /// final attempt wakes no one. Created by the notification database's migration.</summary>
    public static NotifyTrigger Trigger { get; } = new("delivery", ChannelName, "delivery_pending", ["INSERT", "UPDATE"],
        WhenAnyRow: $"\"{nameof(Delivery.Status)}\" = '{DeliveryStatus.Pending}' AND \"{nameof(Delivery.LeaseUntil)}\" IS NULL");
}
