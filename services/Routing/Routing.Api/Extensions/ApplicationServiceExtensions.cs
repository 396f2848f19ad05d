using Routing.Api.Data;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging;

namespace Routing.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "routingdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RoutingDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.AddMessaging<RoutingDbContext>(_ => { });
        return builder;
    }
}
