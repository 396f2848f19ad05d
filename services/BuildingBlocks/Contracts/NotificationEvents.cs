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
