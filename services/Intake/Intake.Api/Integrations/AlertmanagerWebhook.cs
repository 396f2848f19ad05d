using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Intake.Api.Data;

namespace Intake.Api.Integrations;

public sealed record AlertmanagerAlert(
    string? Status, Dictionary<string, string>? Labels, Dictionary<string, string>? Annotations, DateTimeOffset? StartsAt, string? GeneratorUrl,
    string? Fingerprint);

/// <summary>Prometheus Alertmanager's webhook payload, version 4.</summary>
public sealed record AlertmanagerPayload(
    string? Version, string? GroupKey, string? Status, string? Receiver, Dictionary<string, string>? GroupLabels,
    Dictionary<string, string>? CommonLabels, Dictionary<string, string>? CommonAnnotations, string? ExternalUrl,
    IReadOnlyList<AlertmanagerAlert>? Alerts, int? TruncatedAlerts);

/// <summary>Alertmanager's webhook receiver (POST /api/v1/integrations/alertmanager at the gateway, with an API key
/// holding the integrations:alertmanager scope). Each alert group is one escalation, keyed by its group key: a
/// firing group opens it or adds to it, a resolved group resolves it. Labels map onto the record: severity
/// (critical, error, warning, info), customer (when it is a known customer; else the key's), and service, job or
/// component as the product area.</summary>
public static class AlertmanagerWebhook
{
    public const string Path = "/integrations/alertmanager";
    public const string Source = "alertmanager";
    public const int MaxAlerts = 1_000;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new TextWithoutNul() } };

    public static IEndpointRouteBuilder MapAlertmanagerWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync).WithTags("Integrations").ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, AlertEscalations alerts, IntakeDbContext db, ITenantContext tenant,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        AlertmanagerPayload? payload;
        try
        {
            payload = await JsonSerializer.DeserializeAsync<AlertmanagerPayload>(request.Body, Json, cancellationToken);
        }
        catch (JsonException error)
        {
            return new ValidationErrors().Add(JsonErrors.Field(error), JsonErrors.Describe(error, Json)).ToProblem();
        }

        var errors = Validate(payload);
        if (!errors.IsValid)
        {
            return errors.ToProblem("The Alertmanager payload is not valid.");
        }

        var key = DedupKey(payload!.GroupKey!);
        var outcome = payload.Status == "resolved"
            ? await alerts.ResolveAsync(tenant.Identity, Source, key, cancellationToken)
            : null;
        if (outcome is null)
        {
            if (tenant.CustomerId is not { } customer)
            {
                return new ValidationErrors().Add("Authorization", "the API key is not bound to a customer: an Alertmanager key acts for its customer").ToProblem();
            }

            var facts = Facts(payload, clock.GetUtcNow());
            var (opened, refused) = await alerts.TriggerAsync(tenant.Identity, Source, key, facts.ToRequest(customer, null),
                $"{payload.Alerts!.Count(alert => alert.Status != "resolved")} alert(s) firing: {facts.Summary}", cancellationToken);
            if (!refused.IsValid)
            {
                return refused.ToProblem("The alert group cannot become an escalation.");
            }

            outcome = opened;
        }

        return Results.Json(new { status = "success", escalationId = outcome!.EscalationId, key = outcome.Key }, statusCode: StatusCodes.Status202Accepted);
    }

    private static ValidationErrors Validate(AlertmanagerPayload? payload)
    {
        var errors = new ValidationErrors();
        if (payload is null)
        {
            return errors.Add("body", "required");
        }

        if (payload.Version != "4")
        {
            errors.Add("version", "must be \"4\" (the webhook payload version this receiver reads)");
        }

        errors.Text("groupKey", payload.GroupKey, 10_000, required: true);
        if (payload.Status is not ("firing" or "resolved"))
        {
            errors.Add("status", "firing or resolved");
        }

        if (payload.Alerts is null || payload.Alerts.Count == 0 || payload.Alerts.Count > MaxAlerts)
        {
            errors.Add("alerts", $"1 to {MaxAlerts} alerts");
        }

        NoNullValues(errors, "groupLabels", payload.GroupLabels);
        NoNullValues(errors, "commonLabels", payload.CommonLabels);
        NoNullValues(errors, "commonAnnotations", payload.CommonAnnotations);
        for (var index = 0; index < Math.Min(payload.Alerts?.Count ?? 0, MaxAlerts); index++)
        {
            if (payload.Alerts![index] is not { } alert)
            {
                errors.Add($"alerts[{index}]", "must be an alert object, not null");
                continue;
            }

            NoNullValues(errors, $"alerts[{index}].labels", alert.Labels);
            NoNullValues(errors, $"alerts[{index}].annotations", alert.Annotations);
        }

        return errors;
    }

    /// <summary>Alertmanager's label and annotation values are always strings; a null one is not its payload.</summary>
    private static void NoNullValues(ValidationErrors errors, string field, Dictionary<string, string>? values)
    {
        foreach (var (name, value) in values ?? [])
        {
            if (value is null)
            {
                errors.Add($"{field}.{name}", "must be text, not null");
            }
        }
    }

    /// <summary>Group keys can be long; the record keeps up to 255 characters, so longer ones are kept as their hash.</summary>
    private static string DedupKey(string groupKey) =>
        groupKey.Length <= PagerDutyEvents.MaxDedupKey ? groupKey : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(groupKey)));

    private static AlertFacts Facts(AlertmanagerPayload payload, DateTimeOffset now)
    {
        var alerts = payload.Alerts!;
        var severity = Label(payload, "severity") switch
        {
            "critical" or "page" => "critical",
            "error" or "high" => "error",
            "info" or "none" => "info",
            _ => "warning",
        };
        var name = Label(payload, "alertname") ?? "alert group";
        var summary = payload.CommonAnnotations?.GetValueOrDefault("summary") ?? $"{name} ({alerts.Count} alert(s))";
        var service = Label(payload, "service") ?? Label(payload, "job") ?? Label(payload, "component") ?? Label(payload, "instance") ?? name;
        var errors = alerts.Select(alert => alert.Annotations?.GetValueOrDefault("summary") ?? alert.Annotations?.GetValueOrDefault("description")
            ?? string.Join(", ", (alert.Labels ?? []).Select(label => $"{label.Key}={label.Value}"))).Where(text => text.Length > 0).Distinct().ToList();
        List<string> links = [.. alerts.Select(alert => alert.GeneratorUrl).Where(FactChecks.IsWebLink).OfType<string>().Distinct()];
        if (payload.ExternalUrl is { } external && FactChecks.IsWebLink(external))
        {
            links.Add(external);
        }

        var details = payload.CommonAnnotations?.GetValueOrDefault("description");
        return new AlertFacts(
            severity, summary, service, Label(payload, "service") ?? Label(payload, "component"),
            alerts.Select(alert => alert.StartsAt).OfType<DateTimeOffset>().Where(at => FactChecks.IsObservedTime(at, now)).DefaultIfEmpty(now).Min(),
            errors.Count > 0 ? errors : [summary], links,
            ["alertmanager", $"severity:{severity}", $"alertname:{name}"], details, "Prometheus Alertmanager");
    }

    private static string? Label(AlertmanagerPayload payload, string name) =>
        payload.CommonLabels?.GetValueOrDefault(name) ?? payload.GroupLabels?.GetValueOrDefault(name);
}
