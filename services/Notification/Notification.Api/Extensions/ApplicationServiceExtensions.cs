using EscalationPlatform.Hosting;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.Email;
using Notification.Api.Projections;
using Notification.Api.Webhooks;

namespace Notification.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "notificationdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<NotificationDbContext>("notification", DatabaseName, messaging =>
        {
            messaging.AddConsumer<EscalationEventsConsumer>();
            messaging.AddConsumer<DeliveryConsumer>();
        });
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        builder.Services.AddScoped<DeliveryPlanner>();
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddSingleton(OutboundAddressPolicy.WithAllowedNetworks(
            builder.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>()?.Webhooks.AllowedNetworks));
        builder.Services.AddSingleton<WebhookSender>();
        return builder;
    }
}
