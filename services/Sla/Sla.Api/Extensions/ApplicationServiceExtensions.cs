using Sla.Api.Data;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging;

namespace Sla.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "sladb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SlaDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.AddMessaging<SlaDbContext>(_ => { });
        return builder;
    }
}
