namespace EscalationPlatform.Contracts;

/// <summary>The event types a webhook subscriber can ask for: the payload's "type" field.</summary>
public static class WebhookEventTypes
{
    public const string Submitted = "escalation.submitted";
    public const string Triaged = "escalation.triaged";
    public const string Offered = "escalation.offered";
    public const string StatusChanged = "escalation.status-changed";
    public const string CustomerUpdatePosted = "escalation.customer-update-posted";
    public const string SlaThresholdReached = "sla.threshold-reached";

    public static readonly IReadOnlyList<string> All = [Submitted, Triaged, Offered, StatusChanged, CustomerUpdatePosted, SlaThresholdReached];
}

/// <summary>The webhook event types a tenant's subscriptions want now (all of them together; none: no subscription).
/// Announced when a subscription is added or removed, and again for every tenant from time to time, so that a
/// service that relays events to notification for webhooks (intake) relays only what someone wants. The newest
/// <see cref="At"/> wins.</summary>
public sealed record WebhookInterestChanged
{
    public required string TenantId { get; init; }

    public required IReadOnlyList<string> EventTypes { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>Where a service sends the events it relays for webhooks (<see cref="WebhookInterestChanged"/>): a queue
/// of notification's that is bound to no exchange, so it receives only what is sent to it.</summary>
public static class WebhookRelay
{
    public const string QueueName = "notification-webhook-events";

    public static readonly Uri Address = new($"queue:{QueueName}");
}

/// <summary>A notification reached its recipient (the mail server took it, the webhook or chat channel answered 2xx).
/// With <see cref="NotificationFailed"/> and <see cref="NotificationDead"/>, the facts the case timeline shows and
/// insights count.</summary>
public sealed record NotificationDelivered
{
    public required Guid DeliveryId { get; init; }

    public required string TenantId { get; init; }

    public Guid? EscalationId { get; init; }

    /// <summary>email, chat or webhook.</summary>
    public required string Channel { get; init; }

    /// <summary>Why the recipient was told: owner, backup, team-lead, asked, leadership, account-team, team-channel,
    /// customer, or partner (a webhook subscription).</summary>
    public required string Audience { get; init; }

    /// <summary>What about: a notice event ("customer-news") or a webhook event type.</summary>
    public required string Event { get; init; }

    /// <summary>How many notices the message carried (more than one for a digest).</summary>
    public int Notices { get; init; } = 1;

    public required int Attempts { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>An attempt to deliver a notification failed; another follows at <see cref="NextAttemptAt"/>.</summary>
public sealed record NotificationFailed
{
    public required Guid DeliveryId { get; init; }

    public required string TenantId { get; init; }

    public Guid? EscalationId { get; init; }

    public required string Channel { get; init; }

    public required string Audience { get; init; }

    public required string Event { get; init; }

    public required int Attempts { get; init; }

    /// <summary>Why, in words, without the recipient's address.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>Every attempt failed: the notification is a dead letter, visible to operators and replayable.</summary>
public sealed record NotificationDead
{
    public required Guid DeliveryId { get; init; }

    public required string TenantId { get; init; }

    public Guid? EscalationId { get; init; }

    public required string Channel { get; init; }

    public required string Audience { get; init; }

    public required string Event { get; init; }

    public required int Attempts { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>New entries arrived in these people's in-app feeds: intake tells each person's open live connections
/// ("feed" on GET /api/v1/escalations/changes), and the portal reads the feed again. A signal: intake keeps nothing of
/// it, so it consumes it without an inbox record or a transaction.</summary>
public sealed record InAppFeedChanged
{
    public required string TenantId { get; init; }

    /// <summary>The people (directory ids) whose feed has new entries.</summary>
    public required IReadOnlyList<string> PersonIds { get; init; }

    public required DateTimeOffset At { get; init; }
}
