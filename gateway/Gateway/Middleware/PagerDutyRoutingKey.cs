using System.Text.Json;
using EscalationPlatform.Gateway.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace EscalationPlatform.Gateway.Proxy;

/// <summary>PagerDuty's Events API v2 authenticates with the routing_key inside the event body, not a header:
/// for POST /v2/enqueue this reads it (the body stays buffered for the proxy) and, when it is a live PagerDuty
/// integration key, signs the request in as that integration. A missing or unknown key is answered the way
/// PagerDuty answers it: 400 with the errors listed (as problem details).</summary>
public sealed class PagerDutyRoutingKey(RequestDelegate next, CredentialStore credentials, IProblemDetailsService problems)
{
    public const string Path = "/v2/enqueue";

    /// <summary>PagerDuty's limit on an event's size.</summary>
    public const long MaxEventBytes = 512 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(Path, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > MaxEventBytes)
        {
            await RefuseTooLargeAsync(context);
            return;
        }

        // A chunked event is cut off at the same size: reading past it fails (413), and is answered as above.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxEventBytes;
        }

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxEventBytes);
        if (context.Request.Body is { CanSeek: true, Length: > MaxEventBytes }) // read whole already (to hash it) and over the limit
        {
            await RefuseTooLargeAsync(context);
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
        catch (Exception error) when (error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            || (error is IOException && !context.RequestAborted.IsCancellationRequested))
        {
            await RefuseTooLargeAsync(context); // over the size limit or the buffer's, whichever came first
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
            context.Items[Limits.UnauthenticatedLimiter.RefusedItem] = true;
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Event object is invalid.",
                routingKey is null ? "routing_key is missing." : "routing_key is not a valid integration key.", "routing_key");
            return;
        }

        context.User = ApiKeyAuthenticationHandler.Principal(credential, "PagerDuty");
        await next(context);
    }

    private Task RefuseTooLargeAsync(HttpContext context) =>
        RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "Event too large.", $"An event may be at most {MaxEventBytes / 1024} KB.");

    private Task RefuseAsync(HttpContext context, int status, string title, string message, string field = "body")
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = message,
                Extensions =
                {
                    ["message"] = title.TrimEnd('.'),
                    ["errors"] = new[] { message },
                    ["fields"] = new Dictionary<string, string[]> { [field] = [message] },
                },
            },
        }).AsTask();
    }
}
