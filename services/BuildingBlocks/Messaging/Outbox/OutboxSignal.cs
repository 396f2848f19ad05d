using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Messaging.Signals;

namespace EscalationPlatform.Messaging.Outbox;

/// <summary>Wakes the outbox dispatcher when outbox rows commit.</summary>
public sealed class OutboxSignal() : DatabaseSignal(MessagingModel.NotificationChannel);
