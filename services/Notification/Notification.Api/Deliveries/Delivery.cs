namespace Notification.Api.Deliveries;

/// <summary>One message to one recipient on one channel: what was (or will be) sent, and how its delivery went.
/// The dedup key makes it one notification per event per recipient, however often the event arrives.</summary>
public sealed class Delivery
{
    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    public Guid? EscalationId { get; init; }

    public required string DedupKey { get; init; }

    /// <summary><see cref="DeliveryChannel"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>An email address, or the URL of a webhook subscription.</summary>
    public required string Recipient { get; init; }

    public Guid? SubscriptionId { get; init; }

    /// <summary>The event this tells about, for example "escalation.offered".</summary>
    public required string EventType { get; init; }

    public required string Subject { get; init; }

    /// <summary>The email text, or the JSON payload of the webhook or chat message.</summary>
    public required string Body { get; init; }

    /// <summary>The email's HTML part.</summary>
    public string? Html { get; init; }

    /// <summary>Why the recipient is told (an <see cref="Domain.Audience"/> as the API writes it, or "partner").</summary>
    public string Audience { get; init; } = "partner";

    /// <summary>The notice event ("sla-breach"), or the webhook event type.</summary>
    public string Notice { get; init; } = "";

    /// <summary>Sent together with the recipient's other digest deliveries due by then, as one message.</summary>
    public bool Digest { get; init; }

    /// <summary>The recipient's directory id, when they are one of the tenant's people.</summary>
    public string? PersonId { get; init; }

    /// <summary><see cref="DeliveryStatus"/>.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When a pending delivery is due for its next attempt (set when it is planned, replayed or failed).</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>Until when a <see cref="DeliveryWorker"/> holds the pending delivery to make an attempt: no other worker
    /// takes it before. A worker that dies mid-attempt leaves it to be taken again when the lease runs out.</summary>
    public DateTime? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    public required DateTime CreatedAt { get; init; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>A dead delivery gets a fresh series of attempts, the first one now.</summary>
    public void Replay(DateTime now)
    {
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        LastError = null;
        NextAttemptAt = now;
        LeaseUntil = null;
    }
}

public static class DeliveryChannel
{
    public const string Email = "email";
    public const string Webhook = "webhook";

    /// <summary>A team's Slack- or Teams-compatible incoming webhook.</summary>
    public const string Chat = "chat";
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>Every attempt failed: kept for inspection and replay.</summary>
    public const string Dead = "dead";

    public static readonly string[] All = [Pending, Delivered, Dead];
}
