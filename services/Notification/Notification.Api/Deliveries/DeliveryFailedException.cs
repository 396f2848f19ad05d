namespace Notification.Api.Deliveries;

/// <summary>A failed delivery attempt whose message is written for the tenant ("the receiver answered 503"): safe to
/// store in the delivery log and show.</summary>
public sealed class DeliveryFailedException(string reason) : Exception(reason);
