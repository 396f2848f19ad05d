using Intake.Api.Data;
using EscalationPlatform.Data;
using EscalationPlatform.Messaging;

namespace Intake.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "intakedb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.AddMessaging<IntakeDbContext>(_ => { });
        return builder;
    }
}
