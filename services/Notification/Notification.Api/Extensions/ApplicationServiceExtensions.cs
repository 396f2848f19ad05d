using Notification.Api.Data;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging;

namespace Notification.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "notificationdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.AddMessaging<NotificationDbContext>(_ => { });
        return builder;
    }
}
