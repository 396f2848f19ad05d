using System.Text.RegularExpressions;
using EscalationPlatform.Gateway.Proxy;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace EndToEnd.Tests;

/// <summary>The OpenAPI documents, served through the gateway without a credential: valid, describing every route
/// the gateway exposes, each operation with its problem responses; and the browsable UI at /docs.</summary>
public sealed partial class OpenApiTests(PlatformFixture platform)
{
    private static readonly string[] Documents = [.. GatewayRoutes.OpenApiDocuments().Select(document => document.Path), GatewayDocs.GatewayDocument];

    [Fact]
    public async Task Every_document_is_valid_OpenAPI_and_every_operation_documents_its_problem_responses()
    {
        foreach (var path in Documents)
        {
            var document = await LoadAsync(path);

            Assert.NotEmpty(document.Paths);
            foreach (var (route, item) in document.Paths)
            {
                foreach (var (method, operation) in item.Operations!)
                {
                    Assert.True(operation.Responses!.Keys.Any(status => status.StartsWith('4')), $"{path}: {method} {route} documents no problem response");
                }
            }
        }
    }

    [Fact]
    public async Task The_documents_list_every_route_the_gateway_exposes()
    {
        var documents = new Dictionary<string, OpenApiDocument>();
        foreach (var path in Documents)
        {
            documents[path] = await LoadAsync(path);
        }

        var missing = new List<string>();
        foreach (var route in GatewayRoutes.Routes().Where(route => !route.RouteId.EndsWith("-openapi", StringComparison.Ordinal)
            && !route.RouteId.StartsWith("grpc", StringComparison.Ordinal))) // gRPC is described by its .proto
        {
            var pattern = route.Match.Path!;
            var service = GatewayRoutes.OpenApiDocuments().FirstOrDefault(document => pattern.StartsWith($"/api/v1/{document.Name}/", StringComparison.Ordinal));
            var document = documents[service.Path ?? GatewayDocs.GatewayDocument];
            foreach (var method in route.Match.Methods ?? ["GET", "POST", "PUT", "DELETE"])
            {
                if (!Describes(document, pattern, method))
                {
                    missing.Add($"{method} {pattern} ({route.RouteId})");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_docs_ui_lists_every_document()
    {
        using var gateway = platform.CreateClient("gateway");

        var page = await gateway.GetStringAsync("/docs/", TestContext.Current.CancellationToken);

        Assert.All(Documents, path => Assert.Contains($"\"url\":\"{path.TrimStart('/')}\"", page, StringComparison.Ordinal));
    }

    /// <summary>A catch-all route ({**rest}) is described when some operation with its method lives under its prefix;
    /// any other route needs an operation on the same path (parameter names aside).</summary>
    private static bool Describes(OpenApiDocument document, string pattern, string method)
    {
        var wanted = new HttpMethod(method);
        var operations = document.Paths.Where(path => path.Value.Operations?.ContainsKey(wanted) == true).Select(path => Normal(path.Key)).ToList();
        var catchAll = pattern.IndexOf("{**", StringComparison.Ordinal);
        return catchAll >= 0
            ? operations.Any(path => path.StartsWith(pattern[..catchAll].TrimEnd('/'), StringComparison.Ordinal))
            : operations.Contains(Normal(pattern));
    }

    private static string Normal(string path) => Parameter().Replace(path, "{}");

    private async Task<OpenApiDocument> LoadAsync(string path)
    {
        using var gateway = platform.CreateClient("gateway");
        var json = await gateway.GetStringAsync(path, TestContext.Current.CancellationToken);
        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.True(result.Diagnostic?.Errors.Count is null or 0, $"{path}: {string.Join("; ", result.Diagnostic!.Errors.Select(error => error.Message))}");
        return result.Document!;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
