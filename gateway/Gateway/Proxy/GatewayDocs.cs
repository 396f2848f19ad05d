using Scalar.AspNetCore;

namespace EscalationPlatform.Gateway.Proxy;

/// <summary>The API documentation: each service's OpenAPI document, served through the gateway, the gateway's own
/// (administration, development tokens), and a browsable UI at /docs listing them all.</summary>
public static class GatewayDocs
{
    public const string GatewayDocument = "/api/v1/gateway/openapi.json";

    public static IEndpointRouteBuilder MapGatewayDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(GatewayDocument.Replace("gateway", "{documentName}", StringComparison.Ordinal)).AllowAnonymous();
        endpoints.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("EscalationPlatform API");
            foreach (var (name, path) in GatewayRoutes.OpenApiDocuments())
            {
                options.AddDocument(name, name, path);
            }

            options.AddDocument("gateway", "gateway", GatewayDocument);
        }).AllowAnonymous();
        return endpoints;
    }
}
