using EscalationPlatform.Hosting;
using Sla.Api.Clocks;
using Sla.Api.Data;
using Sla.Api.Policies;

namespace Sla.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "sladb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<SlaDbContext>("sla", DatabaseName, messaging => messaging.AddSagaStateMachine<ClocksStateMachine, ClocksState, ClocksStateDefinition>());
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<PolicyStore>();
        builder.Services.AddScoped<ISlaPolicies>(services => services.GetRequiredService<PolicyStore>());
        builder.Services.AddScoped<ClockKeeper>();
        builder.Services.AddScoped<ClockReports>();
        return builder;
    }
}
