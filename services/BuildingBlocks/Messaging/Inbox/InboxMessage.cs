namespace EscalationPlatform.Messaging.Inbox;

/// <summary>A message an endpoint has consumed. Recorded in the consumer's transaction, so a redelivered or
/// duplicated copy (same message id, same endpoint) finds it and has no second effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Endpoint { get; set; } = null!;

    public DateTime ReceivedAt { get; set; }
}
