using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using Triage.Api.Data;
using Triage.Domain.Knowledge;

namespace Triage.Api.Knowledge;

/// <summary>PagerDuty's Change Events API (POST /v2/change/enqueue at the gateway, which authenticates the routing_key
/// in the body and names the tenant): payload.summary, payload.timestamp, payload.source, payload.custom_details (its
/// product_area and release or version, where the platform reads them) and links. Answers as PagerDuty does: 202
/// {"status":"success","message":"Change event processed"}, or 400 listing the errors.</summary>
public static partial class PagerDutyChanges
{
    public const string Path = "/integrations/pagerduty/changes";

    public static IEndpointRouteBuilder MapPagerDutyChanges(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, EnqueueAsync).WithTags("Integrations").ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> EnqueueAsync(HttpRequest request, TriageDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return PagerDutyProblem.Invalid(["The body is not valid JSON."]);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return PagerDutyProblem.Invalid(["payload is missing or not an object."]);
        }

        var errors = new List<string>();
        var details = payload.TryGetProperty("custom_details", out var custom) && custom.ValueKind == JsonValueKind.Object ? custom : default;
        var timestamp = Text(payload, "timestamp", errors);
        DateTimeOffset? at = null;
        if (timestamp is not null)
        {
            if (DateTimeOffset.TryParse(CompactOffset().Replace(timestamp, "$1:$2"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                at = parsed;
            }
            else
            {
                errors.Add("payload.timestamp must be an ISO 8601 date and time.");
            }
        }

        var release = Detail(details, "release") ?? Detail(details, "version");
        var link = root.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array
            ? links.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String
                ? href.GetString() : null).FirstOrDefault(href => href is not null)
            : null;
        var draft = new ChangeEventDraft(Text(payload, "summary", errors), release is null ? "change" : "deployment", Text(payload, "source", errors),
            Detail(details, "product_area") ?? Detail(details, "productArea"), release, at, link);
        var (change, problems) = ChangeEvents.Check(draft, clock.GetUtcNow());
        errors.AddRange(problems.Select(problem => $"{Field(problem.Key)}: {problem.Value}."));
        if (errors.Count > 0 || change is null)
        {
            return PagerDutyProblem.Invalid(errors);
        }

        db.Changes.Add(ChangeRow.Of(tenant.TenantId, change, "pagerduty", tenant.Actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(new Dictionary<string, string> { ["status"] = "success", ["message"] = "Change event processed" }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Where PagerDuty's shape has each of the platform's fields.</summary>
    private static string Field(string platform) => platform switch
    {
        "summary" or "source" or "at" => $"payload.{(platform == "at" ? "timestamp" : platform)}",
        "productArea" => "payload.custom_details.product_area",
        "release" => "payload.custom_details.release",
        "link" => "links[0].href",
        _ => platform,
    };

    private static string? Text(JsonElement element, string property, List<string> errors)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"payload.{property} must be a string.");
            return null;
        }

        return value.GetString();
    }

    private static string? Detail(JsonElement details, string property) =>
        details.ValueKind == JsonValueKind.Object && details.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>PagerDuty's own examples write the offset without a colon ("+0000").</summary>
    [GeneratedRegex(@"([+-]\d{2})(\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex CompactOffset();
}
