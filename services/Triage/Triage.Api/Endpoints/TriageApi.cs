using EscalationPlatform.Messaging.Operations;
using EscalationPlatform.ServiceDefaults;

namespace Triage.Api.Endpoints;

public static class TriageApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/triage";

    public static IEndpointRouteBuilder MapTriageApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Prefix);
        endpoints.MapServiceInfo(Prefix, "triage");
        return endpoints;
    }
}
