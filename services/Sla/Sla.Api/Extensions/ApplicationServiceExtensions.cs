using EscalationPlatform.Data;
using EscalationPlatform.Messaging;
using EscalationPlatform.Web;
using EscalationPlatform.Web.OpenApi;
using EscalationPlatform.Web.Tenancy;
using Sla.Api.Clocks;
using Sla.Api.Data;
using Sla.Api.Policies;

namespace Sla.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "sladb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SlaDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.Services.AddPlatformOpenApi("sla");
        builder.AddWebConventions<SlaDbContext>("sla");
        builder.AddMessaging<SlaDbContext>(messaging => messaging.AddSagaStateMachine<ClocksStateMachine, ClocksState, ClocksStateDefinition>());
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<TenantGrpcInterceptor>());
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<PolicyStore>();
        builder.Services.AddScoped<ISlaPolicies>(services => services.GetRequiredService<PolicyStore>());
        builder.Services.AddScoped<ClockKeeper>();
        builder.Services.AddScoped<ClockReports>();
        return builder;
    }
}
