namespace EscalationPlatform.Messaging.Inbox;

/// <summary>A message type whose consumer takes it in batches (<c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>) and answers duplicates
/// itself: registered as a service, each message is handed to its batch without a transaction of its own (which would
/// stay open while the batch fills), and the batch runs in one transaction with its outbox, without an inbox record.</summary>
public sealed record BatchedMessage(Type Type)
{
    public static BatchedMessage Of<T>() => new(typeof(T));
}
