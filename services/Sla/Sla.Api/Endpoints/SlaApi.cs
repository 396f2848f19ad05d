using EscalationPlatform.Messaging.Operations;
using EscalationPlatform.ServiceDefaults;

namespace Sla.Api.Endpoints;

public static class SlaApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/sla";

    public static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Prefix);
        endpoints.MapServiceInfo(Prefix, "sla");
        return endpoints;
    }
}
