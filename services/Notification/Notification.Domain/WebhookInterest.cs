using EscalationPlatform.Contracts;

namespace Notification.Domain;

/// <summary>What a tenant's webhook subscriptions want together: every event type any of them names, and every type
/// there is when one names none (a subscription without a list wants all). Announced to the services that relay
/// events for webhooks, so that they relay only these.</summary>
public static class WebhookInterest
{
    public static IReadOnlyList<string> Of(IEnumerable<IReadOnlyCollection<string>> subscriptions)
    {
        var wanted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var events in subscriptions)
        {
            wanted.UnionWith(events.Count == 0 ? WebhookEventTypes.All : events);
        }

        return [.. wanted];
    }
}
