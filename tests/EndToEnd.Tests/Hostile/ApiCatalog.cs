using System.Text.Json.Nodes;
using EscalationPlatform.Gateway.Proxy;

namespace EndToEnd.Tests.Hostile;

/// <summary>A parameter of an operation: its name, where it goes ("path" or "query") and its schema.</summary>
public sealed record ApiParameter(string Name, string In, SchemaNode? Schema);

/// <summary>One operation of the platform's API as its OpenAPI document describes it.</summary>
public sealed record ApiOperation(string Document, HttpMethod Method, string Template, IReadOnlyList<ApiParameter> Parameters, SchemaNode? Body)
{
    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(parameter => parameter.In == "path");

    public IEnumerable<ApiParameter> QueryParameters => Parameters.Where(parameter => parameter.In == "query");

    public bool IsOperations => Template.Contains("/ops/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>Every operation the gateway exposes, read at test time from the six OpenAPI documents it serves (one per
/// service and its own), so that a route added later is attacked too.</summary>
public static class ApiCatalog
{
    public static IEnumerable<string> DocumentPaths() =>
        [.. GatewayRoutes.OpenApiDocuments().Select(document => document.Path), GatewayDocs.GatewayDocument];

    public static async Task<IReadOnlyList<ApiOperation>> LoadAsync(PlatformFixture platform)
    {
        using var gateway = platform.CreateClient("gateway");
        var operations = new List<ApiOperation>();
        foreach (var path in DocumentPaths())
        {
            var document = JsonNode.Parse(await gateway.GetStringAsync(path, TestContext.Current.CancellationToken))!.AsObject();
            foreach (var (template, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject().Where(entry => entry.Key != "parameters"))
                {
                    var parameters = (operation!["parameters"] as JsonArray ?? []).Select(parameter => new ApiParameter(
                        parameter!["name"]!.ToString(), parameter["in"]!.ToString(), SchemaNode.Of(parameter["schema"], document))).ToList();
                    var body = SchemaNode.Of(operation["requestBody"]?["content"]?["application/json"]?["schema"], document);
                    operations.Add(new(path, new HttpMethod(method.ToUpperInvariant()), template, parameters, body));
                }
            }
        }

        return operations;
    }

    /// <summary>The template with each path parameter replaced by what <paramref name="value"/> gives for it.</summary>
    public static string Fill(this ApiOperation operation, Func<ApiParameter, string> value) =>
        operation.PathParameters.Aggregate(operation.Template, (path, parameter) => path.Replace($"{{{parameter.Name}}}", value(parameter), StringComparison.Ordinal));
}
