using EscalationPlatform.Hosting;
using EscalationPlatform.Web.Configuration;
using Sla.Api.Clocks;
using Sla.Api.Data;
using Sla.Api.Policies;

namespace Sla.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "sladb";

    /// <summary>Routing's gRPC endpoint ("grpc" endpoint of "routing-api"), asked for the owning team's time zone when a
    /// calendar counts in it.</summary>
    public const string RoutingAddress = "http://_grpc.routing-api";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<SlaDbContext>("sla", DatabaseName, messaging => messaging
            .AddSagaStateMachine<ClocksStateMachine, ClocksState, ClocksStateDefinition>().AddConsumer<ReplanOpenClocksConsumer>());
        builder.Services.AddConfigStore<SlaDbContext>();
        builder.Services.AddScoped<ISlaPolicies, TenantSlaPolicies>();
        builder.Services.AddScoped<ClockKeeper>();
        builder.Services.AddScoped<ITeamZones, RoutingTeamZones>();
        builder.Services.AddGrpcClient<EscalationPlatform.Contracts.Routing.V1.Routing.RoutingClient>(grpc =>
            grpc.Address = new Uri(builder.Configuration["Services:RoutingGrpc"] ?? RoutingAddress));
        builder.Services.AddScoped<ClockReports>();
        return builder;
    }
}
