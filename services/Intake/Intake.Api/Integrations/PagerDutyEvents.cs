using System.Globalization;
using System.Text.Json;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Tenancy;

namespace Intake.Api.Integrations;

/// <summary>PagerDuty Events API v2 (POST /v2/enqueue at the gateway, which authenticates the routing_key and
/// names the tenant and the integration's customer). Answers as PagerDuty does: 202
/// {"status":"success","message":"Event processed","dedup_key":...}, or 400 listing the errors (as problem details
/// carrying PagerDuty's "message" and "errors").</summary>
public static class PagerDutyEvents
{
    public const string Path = "/integrations/pagerduty";
    public const string Source = "pagerduty-events";
    public const int MaxDedupKey = 255;
    public const int MaxSummary = 1024;

    public static IEndpointRouteBuilder MapPagerDutyEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, EnqueueAsync).WithTags("Integrations").ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> EnqueueAsync(HttpRequest request, AlertEscalations alerts, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            return PagerDutyProblem.Invalid([$"The body is not valid JSON: {JsonErrors.Field(error)} {JsonErrors.Describe(error)}."]);
        }

        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return PagerDutyProblem.Invalid(["The event must be a JSON object."]);
        }

        var action = Text(root, "event_action", errors, required: true, max: 16);
        if (action is not null && action is not ("trigger" or "acknowledge" or "resolve"))
        {
            errors.Add("event_action must be one of trigger, acknowledge, resolve.");
        }

        var dedupKey = Text(root, "dedup_key", errors, required: action is "acknowledge" or "resolve", max: MaxDedupKey);
        AlertFacts? facts = null;
        if (action == "trigger")
        {
            facts = Payload(root, errors, clock.GetUtcNow());
        }

        if (errors.Count > 0 || action is null)
        {
            return PagerDutyProblem.Invalid(errors);
        }

        if (tenant.CustomerId is not { } customerId)
        {
            return PagerDutyProblem.Invalid(["The integration key is not bound to a customer."]);
        }

        var key = dedupKey ?? Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
        switch (action)
        {
            case "trigger":
                var (_, refused) = await alerts.TriggerAsync(tenant.Identity, Source, key, facts!.ToRequest(customerId, key), facts.Summary, cancellationToken);
                if (!refused.IsValid)
                {
                    return PagerDutyProblem.Invalid([.. refused.ToDictionary().SelectMany(field => field.Value.Select(reason => $"{field.Key}: {reason}"))]);
                }

                break;
            case "acknowledge":
                await alerts.AcknowledgeAsync(tenant.Identity, Source, key, cancellationToken);
                break;
            default:
                await alerts.ResolveAsync(tenant.Identity, Source, key, cancellationToken);
                break;
        }

        return Results.Json(new Dictionary<string, string> { ["status"] = "success", ["message"] = "Event processed", ["dedup_key"] = key },
            statusCode: StatusCodes.Status202Accepted);
    }

    private static AlertFacts? Payload(JsonElement root, List<string> errors, DateTimeOffset now)
    {
        if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            errors.Add("payload is missing or not an object.");
            return null;
        }

        var summary = Text(payload, "summary", errors, required: true, max: MaxSummary, prefix: "payload.");
        var source = Text(payload, "source", errors, required: true, max: 255, prefix: "payload.");
        var severity = Text(payload, "severity", errors, required: true, max: 16, prefix: "payload.");
        if (severity is not null && !AlertFacts.Severities.Contains(severity))
        {
            errors.Add("payload.severity must be one of critical, error, warning, info.");
        }

        var timestamp = Text(payload, "timestamp", errors, required: false, max: 64, prefix: "payload.");
        var at = now;
        if (timestamp is not null && !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            errors.Add("payload.timestamp must be an ISO 8601 date and time.");
        }

        if (!FactChecks.IsObservedTime(at, now))
        {
            at = now; // a monitor's clock far off is no reason to lose its alert
        }

        var component = Text(payload, "component", errors, required: false, max: 255, prefix: "payload.");
        var group = Text(payload, "group", errors, required: false, max: 255, prefix: "payload.");
        var kind = Text(payload, "class", errors, required: false, max: 255, prefix: "payload.");
        var details = payload.TryGetProperty("custom_details", out var custom) && custom.ValueKind != JsonValueKind.Null ? custom.GetRawText() : null;
        if (details?.Length > 4_000)
        {
            details = details[..4_000];
        }

        List<string> links = [];
        if (root.TryGetProperty("links", out var linkList) && linkList.ValueKind == JsonValueKind.Array)
        {
            links.AddRange(linkList.EnumerateArray()
                .Select(link => link.ValueKind == JsonValueKind.Object && link.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String ? href.GetString() : null)
                .Where(FactChecks.IsWebLink).OfType<string>());
        }

        if (root.TryGetProperty("client_url", out var clientUrl) && clientUrl.ValueKind == JsonValueKind.String && FactChecks.IsWebLink(clientUrl.GetString()))
        {
            links.Add(clientUrl.GetString()!);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        List<string> tags = ["pagerduty", $"severity:{severity}", .. new[] { ("group", group), ("class", kind) }.Where(tag => tag.Item2 is not null).Select(tag => $"{tag.Item1}:{tag.Item2}")];
        return new AlertFacts(severity!, summary!, component ?? source!, component, at, [summary!], links, tags, details, $"{source} (PagerDuty)");
    }

    private static string? Text(JsonElement element, string name, List<string> errors, bool required, int max, string prefix = "")
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add($"{prefix}{name} is missing.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{prefix}{name} must be a string.");
            return null;
        }

        var text = value.GetString()!;
        if (text.Contains('\0'))
        {
            errors.Add($"{prefix}{name} must not contain the NUL character.");
            return null;
        }

        if (text.Length == 0 || text.Length > max)
        {
            errors.Add($"{prefix}{name} must be 1 to {max} characters.");
            return null;
        }

        return text;
    }
}
