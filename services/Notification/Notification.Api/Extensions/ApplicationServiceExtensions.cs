using EscalationPlatform.Hosting;
using EscalationPlatform.Messaging.Signals;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.Email;
using Notification.Api.ProblemNotices;
using Notification.Api.Projections;
using Notification.Api.Rules;
using EscalationPlatform.Web.Configuration;
using Notification.Api.Webhooks;

namespace Notification.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "notificationdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<NotificationDbContext>("notification", DatabaseName,
            messaging => messaging.AddConsumer<EscalationEventsConsumer>().AddConsumer<ProblemEventsConsumer>()
                .AddConsumer<RelayedEventsConsumer, RelayedEventsConsumerDefinition>());
        builder.Services.AddScoped<DeliveryPlanner>();
        builder.Services.AddSingleton<RatingLinks>();
        builder.Services.AddScoped<WebhookInterestAnnouncer>();
        builder.Services.AddHostedService<WebhookInterestRepublisher>();
        builder.AddDeliveryWorker();
        return builder;
    }

    /// <summary>The delivery worker and what it sends with, on the <see cref="NotificationDbContext"/> the host
    /// registers: options (section "Notification"), the mailer, the webhook sender and its address policy, and the
    /// signal that wakes the worker.</summary>
    public static IHostApplicationBuilder AddDeliveryWorker(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(NotificationOptions.Section);
        builder.Services.Configure<NotificationOptions>(section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddSingleton(OutboundAddressPolicy.WithAllowedNetworks(section.Get<NotificationOptions>()?.Webhooks.AllowedNetworks));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddConfigStore<NotificationDbContext>(); // the tenant's rules: its digest window
        builder.Services.AddSingleton<RulesDocument>();
        builder.Services.AddScoped<NotificationSettings>();
        builder.Services.AddDatabaseSignal<NotificationDbContext, DeliverySignal>();
        builder.Services.AddHostedService<DeliveryWorker>();
        return builder;
    }
}
