namespace Intake.Api.Webhooks;

/// <summary>A tenant's webhook interest as notification last announced it: the event types its subscriptions want,
/// and when that was announced. A table, not process memory: intake's replicas take turns at the announcements on one
/// queue, and each must know them all.</summary>
public sealed class WebhookInterestRow
{
    public required string TenantId { get; init; }

    public required string[] EventTypes { get; set; }

    public required DateTime At { get; set; }
}
