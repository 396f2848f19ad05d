using System.Text.Json;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.ServiceDefaults;

namespace EscalationPlatform.Gateway.Middleware;

/// <summary>PagerDuty's Events API v2 authenticates with the routing_key inside the event body, not a header:
/// for POST /v2/enqueue (and the Change Events API's /v2/change/enqueue) this reads it from the buffered body (<see cref="BufferedBody"/>, which the proxy reads again)
/// and, when it is a live PagerDuty integration key, signs the request in as that integration. An event over
/// PagerDuty's size limit is 413; a missing or unknown key is answered the way PagerDuty answers it: 400 with the
/// errors listed (as problem details).</summary>
public sealed class PagerDutyRoutingKey(RequestDelegate next, CredentialStore credentials, IProblemDetailsService problems)
{
    public const string Path = "/v2/enqueue";

    /// <summary>PagerDuty's limit on an event's size.</summary>
    public const long MaxEventBytes = 512 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !(context.Request.Path.Equals(Path, StringComparison.Ordinal) || context.Request.Path.Equals(Proxy.GatewayRoutes.PagerDutyChangesPath, StringComparison.Ordinal)))
        {
            await next(context);
            return;
        }

        if (context.Request.Body is { CanSeek: true, Length: > MaxEventBytes }) // buffered whole already, declared or chunked
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "Event too large.", $"An event may be at most {MaxEventBytes / 1024} KB.");
            return;
        }

        string? routingKey = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("routing_key", out var key) && key.ValueKind == JsonValueKind.String)
            {
                routingKey = key.GetString();
            }
        }
        catch (JsonException)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Event object is invalid.", "The body is not valid JSON.", "body");
            return;
        }
        finally
        {
            if (context.Request.Body.CanSeek)
            {
                context.Request.Body.Position = 0;
            }
        }

        var credential = routingKey is { Length: 32 } ? await credentials.FindAsync(routingKey, context.RequestAborted) : null;
        if (credential is not { Kind: CredentialKind.PagerDuty })
        {
            context.Items[UnauthenticatedLimiter.RefusedItem] = true;
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Event object is invalid.",
                routingKey is null ? "routing_key is missing." : "routing_key is not a valid integration key.", "routing_key");
            return;
        }

        context.User = ApiKeyAuthenticationHandler.Principal(credential, "PagerDuty");
        await next(context);
    }

    /// <summary>PagerDuty's error shape (message, errors as a list) with the field named in "fields".</summary>
    private ValueTask RefuseAsync(HttpContext context, int status, string title, string message, string field = "body") =>
        problems.WriteProblemAsync(context, new()
        {
            Status = status,
            Title = title,
            Detail = message,
            Extensions =
            {
                ["message"] = title.TrimEnd('.'),
                [FieldProblems.ErrorsKey] = new[] { message },
                ["fields"] = FieldProblems.Errors(field, message),
            },
        });
}
