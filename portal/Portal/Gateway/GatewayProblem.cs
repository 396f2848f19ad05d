using System.Net;
using System.Text.Json;

namespace EscalationPlatform.Portal.Gateway;

/// <summary>Why the gateway said no, as RFC 9457 problem details carry it: the status, a title, a detail and the
/// fields at fault. The portal shows it in words and puts each field's message beside that field.</summary>
public sealed record GatewayProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static GatewayProblem Unreachable(string what) =>
        new(StatusCodes.Status503ServiceUnavailable, "The platform cannot be reached right now", what, new Dictionary<string, string[]>());

    /// <summary>The message for a person: the service's own detail where it gave one, else what the status means.</summary>
    public string Message => Detail ?? Status switch
    {
        StatusCodes.Status401Unauthorized => "Your session has ended: sign in again.",
        StatusCodes.Status403Forbidden => "You are not allowed to do this.",
        StatusCodes.Status404NotFound => "This was not found: it may not exist, or belong to another tenant.",
        StatusCodes.Status409Conflict => "This cannot be done in the case's current state.",
        StatusCodes.Status429TooManyRequests => "Too many requests: wait a moment and try again.",
        StatusCodes.Status503ServiceUnavailable => "A part of the platform is unavailable: try again in a moment.",
        _ => Title,
    };

    /// <summary>The message for one field (camelCase, as the APIs name them), or null.</summary>
    public string? For(string field) =>
        Errors.FirstOrDefault(error => string.Equals(error.Key, field, StringComparison.OrdinalIgnoreCase)
            || error.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages)
            : null;

    public static async Task<GatewayProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
            {
                using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                var root = document.RootElement;
                return new GatewayProblem(status, Text(root, "title") ?? response.ReasonPhrase ?? "The request failed", Text(root, "detail"), Fields(root));
            }
        }
        catch (JsonException)
        {
            // Not problem details after all: the status says enough.
        }

        return new GatewayProblem(status, ((HttpStatusCode)status).ToString(), null, new Dictionary<string, string[]>());
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string[]> Fields(JsonElement root)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                fields[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                    ? [.. field.Value.EnumerateArray().Where(message => message.ValueKind == JsonValueKind.String).Select(message => message.GetString()!)]
                    : [];
            }
        }

        return fields;
    }
}

/// <summary>An answer from the gateway: the value, or the problem.</summary>
/// <summary>An answer: its value or its problem, and the version (ETag) it was given with, to send back as If-Match.</summary>
public sealed record GatewayResult<T>(T? Value, GatewayProblem? Problem, string? ETag = null)
{
    public bool Succeeded => Problem is null;
}
