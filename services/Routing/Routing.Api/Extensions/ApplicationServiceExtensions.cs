using EscalationPlatform.Data;
using EscalationPlatform.Messaging;
using EscalationPlatform.Web;
using EscalationPlatform.Web.OpenApi;
using EscalationPlatform.Web.Tenancy;
using Routing.Api.Data;
using Routing.Api.Offers;
using Routing.Api.Teams;

namespace Routing.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "routingdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RoutingDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.Services.AddPlatformOpenApi("routing");
        builder.AddWebConventions<RoutingDbContext>("routing");
        builder.AddMessaging<RoutingDbContext>(messaging => messaging.AddSagaStateMachine<OfferStateMachine, OfferState, OfferStateDefinition>());
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<TenantGrpcInterceptor>());
        builder.Services.AddScoped<IRoutingStore, RoutingStore>();
        builder.Services.AddScoped<OfferPlanner>();
        builder.Services.AddScoped<Ownerships>();
        builder.AddDemoData<DemoData>();
        return builder;
    }
}
