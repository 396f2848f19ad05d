using EscalationPlatform.Data;
using EscalationPlatform.Messaging.Operations;
using EscalationPlatform.Messaging;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.OpenApi;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.Hosting;

public static class PlatformServiceExtensions
{
    /// <summary>What every platform service registers before its own parts (after <c>AddServiceDefaults</c>): its own
    /// PostgreSQL database <paramref name="database"/> on <typeparamref name="TDbContext"/> (migrated at start-up in
    /// development), the shared cache, MassTransit on the broker made durable on that database (with the consumers
    /// and sagas <paramref name="messaging"/> adds), the API conventions of the service that signatures address as
    /// <paramref name="service"/> (which refuse to start without the trust key outside Development), its OpenAPI
    /// document, and gRPC with the tenant interceptor.</summary>
    public static IHostApplicationBuilder AddPlatformService<TDbContext>(this IHostApplicationBuilder builder,
        string service, string database, Action<MessagingBuilder<TDbContext>> messaging)
        where TDbContext : DbContext
    {
        builder.AddServiceDatabase<TDbContext>(database);
        builder.AddServiceCache();
        builder.Services.AddPlatformOpenApi(service);
        builder.AddWebConventions<TDbContext>(service);
        builder.AddMessaging(messaging);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<TenantGrpcInterceptor>());
        return builder;
    }

    /// <summary>What every platform service serves under its REST prefix besides its own API: the messaging operations
    /// (operator only, with idempotency on <typeparamref name="TDbContext"/>), the service's info and its OpenAPI
    /// document.</summary>
    public static IEndpointRouteBuilder MapPlatformEndpoints<TDbContext>(this IEndpointRouteBuilder endpoints, string prefix, string service)
        where TDbContext : DbContext
    {
        endpoints.MapMessagingOperations(prefix).WithIdempotency<TDbContext, RouteGroupBuilder>();
        endpoints.MapServiceInfo(prefix, service);
        endpoints.MapPlatformOpenApi(prefix);
        return endpoints;
    }
}
