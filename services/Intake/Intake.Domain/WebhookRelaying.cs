using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>One of intake's events that webhook subscribers can hear of, with the tenant it belongs to and the webhook
/// event types it raises at notification.</summary>
public sealed record RelayableEvent(string TenantId, IReadOnlyList<string> EventTypes)
{
    /// <summary>Someone wants it: the tenant's subscriptions want one of the types it raises.</summary>
    public bool IsWantedBy(IReadOnlyCollection<string> interest) => EventTypes.Any(interest.Contains);
}

/// <summary>Which of intake's events notification needs for webhooks, and for which types. Notification does not
/// subscribe to them (a case nobody listens to would cost it a transaction per event); intake sends one only when
/// the tenant's webhook interest (<see cref="WebhookInterestChanged"/>) wants a type it raises.</summary>
public static class WebhookRelaying
{
    /// <summary>The webhook types <paramref name="message"/> raises, or null for an event no webhook tells of. A
    /// triage is also the status change to Triaged, and the submission when it announces one
    /// (<see cref="EscalationTriaged.AnnouncesSubmission"/>).</summary>
    public static RelayableEvent? Of(object message) => message switch
    {
        EscalationSubmitted submitted => new(submitted.TenantId, [WebhookEventTypes.Submitted]),
        EscalationTriaged { AnnouncesSubmission: true } triaged =>
            new(triaged.TenantId, [WebhookEventTypes.Submitted, WebhookEventTypes.Triaged, WebhookEventTypes.StatusChanged]),
        EscalationTriaged triaged => new(triaged.TenantId, [WebhookEventTypes.Triaged, WebhookEventTypes.StatusChanged]),
        EscalationStatusChanged changed => new(changed.TenantId, [WebhookEventTypes.StatusChanged]),
        CustomerUpdatePosted update => new(update.TenantId, [WebhookEventTypes.CustomerUpdatePosted]),
        _ => null,
    };
}
