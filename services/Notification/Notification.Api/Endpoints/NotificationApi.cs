using EscalationPlatform.Hosting;
using EscalationPlatform.Web.Configuration;
using Notification.Api.Data;
using Notification.Api.Rules;
using Notification.Api.Templates;
using Notification.Domain;

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
        notifications.MapConfigDocument<NotificationDbContext, NotificationRules>("/rules", endpoints.ServiceProvider.GetRequiredService<RulesDocument>());
        notifications.MapConfigDocument<NotificationDbContext, MessageTemplates>("/templates", TemplatesDocument.Instance);
        TemplatePreviewEndpoint.Map(notifications.MapGroup("/templates"));
        PreferenceEndpoints.Map(notifications.MapGroup("/preferences"));
        FeedEndpoints.Map(notifications.MapGroup("/feed"));
        return endpoints;
    }
}
