using Triage.Api.Data;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging;

namespace Triage.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "triagedb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TriageDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.AddMessaging<TriageDbContext>(_ => { });
        return builder;
    }
}
