using EscalationPlatform.Contracts;
using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>What a tenant's subscriptions want together, as announced to the services that relay events.</summary>
public sealed class WebhookInterestTests
{
    [Fact]
    public void The_subscriptions_want_every_type_any_of_them_names_once()
    {
        string[][] subscriptions = [[WebhookEventTypes.Submitted, WebhookEventTypes.Offered], [WebhookEventTypes.Offered, WebhookEventTypes.StatusChanged]];

        Assert.Equal([WebhookEventTypes.Offered, WebhookEventTypes.StatusChanged, WebhookEventTypes.Submitted], WebhookInterest.Of(subscriptions));
    }

    [Fact]
    public void A_subscription_that_names_no_type_wants_them_all() =>
        Assert.Equal(WebhookEventTypes.All.Order(StringComparer.Ordinal), WebhookInterest.Of([[WebhookEventTypes.Offered], []]));

    [Fact]
    public void No_subscription_wants_nothing() => Assert.Empty(WebhookInterest.Of([]));
}
