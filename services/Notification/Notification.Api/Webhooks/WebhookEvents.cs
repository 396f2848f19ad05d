using EscalationPlatform.Contracts;

namespace Notification.Api.Webhooks;

/// <summary>The event types a subscriber can ask for; the payload's "type" field (named in the contracts, which the
/// services that relay events for webhooks share).</summary>
public static class WebhookEvents
{
    public const string Submitted = WebhookEventTypes.Submitted;
    public const string Triaged = WebhookEventTypes.Triaged;
    public const string Offered = WebhookEventTypes.Offered;
    public const string StatusChanged = WebhookEventTypes.StatusChanged;
    public const string CustomerUpdatePosted = WebhookEventTypes.CustomerUpdatePosted;
    public const string SlaThresholdReached = WebhookEventTypes.SlaThresholdReached;

    public static readonly string[] All = [.. WebhookEventTypes.All];
}
