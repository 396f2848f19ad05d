using EscalationPlatform.Messaging.Operations;
using EscalationPlatform.ServiceDefaults;

namespace Routing.Api.Endpoints;

public static class RoutingApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/routing";

    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Prefix);
        endpoints.MapServiceInfo(Prefix, "routing");
        return endpoints;
    }
}
