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

    /// <summary>A case went back to the frontline with a known error's workaround: how a partner that handed it in hears
    /// of it. Notification receives the deflection itself (no service relays it), so it is not among the relayed types
    /// of the contracts.</summary>
    public const string Deflected = "escalation.deflected";

    public static readonly string[] All = [.. WebhookEventTypes.All, Deflected];
}
