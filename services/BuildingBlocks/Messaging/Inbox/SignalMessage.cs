namespace EscalationPlatform.Messaging.Inbox;

/// <summary>A message type that only signals (its consumer changes no state, a duplicate repeats a harmless signal):
/// registered as a service, it is consumed without an inbox record or a transaction, which it would only pay for.</summary>
public sealed record SignalMessage(Type Type)
{
    public static SignalMessage Of<T>() => new(typeof(T));
}
