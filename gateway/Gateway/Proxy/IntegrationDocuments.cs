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
        document.Paths[GatewayRoutes.PagerDutyChangesPath] = Post(
            "Integrations",
            "PagerDuty Change Events API: a change or deployment (payload.summary, timestamp, source; custom_details.product_area and release or version), "
            + "shown with the problems and cases of its product area that follow it (the routing_key in the body is the credential).",
            ("202", "{\"status\":\"success\",\"message\":\"Change event processed\"}"),
            ("400", "Event object is invalid: problem details with PagerDuty's message and errors."),
            ("413", "The event is larger than 512 KB."),
            ("429", "Too many events for this integration key: retry after the Retry-After header's seconds."));
        document.Paths[GatewayRoutes.ChangesAlias] = Post(
            "Integrations",
            "A change or deployment in the platform's shape (the same as POST /api/v1/triage/changes): summary, kind (deployment or change), source, "
            + "productArea, release, at and link; any role or a key with escalations:write, not bound to a customer.",
            ("201", "The change as recorded."),
            ("400", "The change is not valid: problem details name each field."),
            ("401", "No valid credential."),
            ("403", "The credential may not post changes."));
        document.Paths["/api/v1/integrations/alertmanager"] = Post(
            "Integrations",
            "Prometheus Alertmanager webhook (version 4): each alert group opens or updates one escalation; a resolved group resolves it. "
            + "Authenticate with an API key holding integrations:alertmanager (bearer or basic auth).",
            ("202", "The escalation the group opened or updated."),
            ("400", "The payload is not valid: problem details name each field."),
            ("401", "No valid credential."),
            ("403", "The key lacks the integrations:alertmanager scope."),
            ("429", "Too many requests for this key."));
        document.Paths["/csat/{token}"] = RatingLink();
        return Task.CompletedTask;
    }

    /// <summary>The customer's rating link: no credential, the signed token in the path. A browser gets pages, other
    /// clients JSON and problem details.</summary>
    private static OpenApiPathItem RatingLink()
    {
        var token = new OpenApiParameter
        {
            Name = "token", In = ParameterLocation.Path, Required = true, Description = "The signed token of the link the customer was mailed.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        var rate = Post("Ratings", "Rates a closed escalation once: score 1 (very unhappy) to 5 (very happy) and an optional comment (form fields or JSON).",
            ("201", "The rating is recorded."),
            ("400", "The score or comment is not valid: problem details name the field."),
            ("404", "The link is not one the platform sent."),
            ("409", "The escalation is not closed yet, or was rated already (a link works once)."),
            ("410", "The link has expired."),
            ("429", "Too many requests without a credential from this address."));
        var rateOperation = rate.Operations![HttpMethod.Post];
        rateOperation.RequestBody!.Content!["application/json"].Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["score"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "5" },
                ["comment"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2000 },
            },
        };
        rateOperation.Parameters = [token];
        var show = new OpenApiOperation
        {
            Summary = "The rating form of a closed escalation (text/html for a browser; its key and title as JSON otherwise).",
            Tags = new HashSet<OpenApiTagReference> { new("Ratings") },
            Parameters = [token],
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "The form." },
                ["404"] = new OpenApiResponse { Description = "The link is not one the platform sent." },
                ["409"] = new OpenApiResponse { Description = "Not closed yet, or rated already." },
                ["410"] = new OpenApiResponse { Description = "The link has expired." },
            },
        };
        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = show, [HttpMethod.Post] = rateOperation } };
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
