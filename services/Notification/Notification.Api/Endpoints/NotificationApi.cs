using EscalationPlatform.Hosting;
using Notification.Api.Data;

namespace Notification.Api.Endpoints;

public static class NotificationApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/notifications";

    public static IEndpointRouteBuilder MapNotificationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints<NotificationDbContext>(Prefix, "notification");

        var notifications = endpoints.MapGroup(Prefix).WithTags("Notifications");
        DeliveryEndpoints.Map(notifications);
        WebhookEndpoints.Map(notifications.MapGroup("/webhooks"));
        return endpoints;
    }
}
