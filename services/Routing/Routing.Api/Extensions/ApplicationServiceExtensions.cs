using EscalationPlatform.Hosting;
using Routing.Api.Data;
using Routing.Api.Handoffs;
using Routing.Api.Offers;
using Routing.Api.Schedules;

namespace Routing.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "routingdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<RoutingDbContext>("routing", DatabaseName, messaging => messaging
            .AddSagaStateMachine<OfferStateMachine, OfferState, OfferStateDefinition>()
            .AddConsumer<HandoffTimeoutConsumer>());
        builder.Services.AddScoped<IRoutingStore, RoutingStore>();
        builder.Services.AddScoped<OfferPlanner>();
        builder.Services.AddScoped<Ownerships>();
        builder.Services.AddScoped<OnCallLookup>();
        return builder;
    }
}
