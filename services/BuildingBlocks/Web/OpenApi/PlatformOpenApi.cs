using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace EscalationPlatform.Web.OpenApi;

/// <summary>Each service's OpenAPI document, served at {prefix}/openapi.json (the gateway routes it and lists it at
/// /docs). Every operation documents the problem responses every API can give — 400 with the fields named, 401,
/// 403, 429, and 404 where a path names a resource — besides those its endpoint declares.</summary>
public static class PlatformOpenApi
{
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services, string title, string documentName = "v1",
        Action<OpenApiOptions>? configure = null) =>
        services.AddOpenApi(documentName, options =>
        {
            configure?.Invoke(options);
            options.AddDocumentTransformer((document, _, _) =>
            {
                if (document.Info.Title?.StartsWith("EscalationPlatform", StringComparison.Ordinal) != true)
                {
                    document.Info.Title = $"EscalationPlatform {title}";
                }

                document.Info.Version = "v1";
                document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway the document was read through" }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.Responses ??= [];
                AddProblem(operation, "400", "The request is not valid: problem details name each field and the reason.");
                AddProblem(operation, "401", "No valid credential.");
                AddProblem(operation, "403", "The credential lacks the role or scope this needs.");
                AddProblem(operation, "429", "Too many requests for this credential: retry after the Retry-After header's seconds.");
                if (context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
                {
                    AddProblem(operation, "404", "No such resource in the caller's tenant.");
                }

                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapPlatformOpenApi(this IEndpointRouteBuilder endpoints, string prefix)
    {
        endpoints.MapOpenApi($"{prefix}/openapi.json");
        return endpoints;
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = ProblemSchema },
            },
        };
    }

    private static readonly OpenApiSchema ProblemSchema = new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each bad field and the reasons",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
