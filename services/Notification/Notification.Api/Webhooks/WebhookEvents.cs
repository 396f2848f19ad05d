namespace Notification.Api.Webhooks;

/// <summary>The event types a subscriber can ask for; the payload's "type" field.</summary>
public static class WebhookEvents
{
    public const string Submitted = "escalation.submitted";
    public const string Triaged = "escalation.triaged";
    public const string Offered = "escalation.offered";
    public const string StatusChanged = "escalation.status-changed";
    public const string CustomerUpdatePosted = "escalation.customer-update-posted";
    public const string SlaThresholdReached = "sla.threshold-reached";

    public static readonly string[] All = [Submitted, Triaged, Offered, StatusChanged, CustomerUpdatePosted, SlaThresholdReached];
}
