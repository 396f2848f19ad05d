using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscalationPlatform.Gateway.Proxy;

/// <summary>The gateway's OpenAPI document also describes the compatibility doors it forwards (they are proxy
/// routes, not endpoints of its own, so nothing would describe them otherwise).</summary>
public sealed class IntegrationDocuments : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "EscalationPlatform gateway";
        document.Paths ??= [];
        document.Paths["/v2/enqueue"] = Post(
            "Integrations",
            "PagerDuty Events API v2: trigger, acknowledge or resolve by dedup_key (the routing_key in the body is the credential).",
            ("202", "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"...\"}"),
            ("400", "Event object is invalid: problem details with PagerDuty's message and errors."),
            ("413", "The event is larger than 512 KB."),
            ("429", "Too many events for this integration key: retry after the Retry-After header's seconds."));
        document.Paths["/api/v1/integrations/alertmanager"] = Post(
            "Integrations",
            "Prometheus Alertmanager webhook (version 4): each alert group opens or updates one escalation; a resolved group resolves it. "
            + "Authenticate with an API key holding integrations:alertmanager (bearer or basic auth).",
            ("202", "The escalation the group opened or updated."),
            ("400", "The payload is not valid: problem details name each field."),
            ("401", "No valid credential."),
            ("403", "The key lacks the integrations:alertmanager scope."),
            ("429", "Too many requests for this key."));
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Post(string tag, string summary, params (string Status, string Description)[] responses)
    {
        var operation = new OpenApiOperation
        {
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new(tag) },
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
            },
            Responses = [],
        };
        foreach (var (status, description) in responses)
        {
            operation.Responses[status] = new OpenApiResponse { Description = description };
        }

        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = operation } };
    }
}
