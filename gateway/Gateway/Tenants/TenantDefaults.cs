using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EscalationPlatform.Contracts;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Web.Tenancy;

namespace EscalationPlatform.Gateway.Tenants;

/// <summary>A tenant's calendar as the operator gives it: the SLA policy's business hours ({ "monday": ["09:00",
/// "17:00"], ... }) and holidays ("2026-12-25").</summary>
public sealed record CalendarDraft(JsonElement? BusinessHours = null, JsonElement? Holidays = null);

/// <summary>Why a tenant's defaults could not be created: the field problems a service named (its calendar), or the
/// service that did not answer.</summary>
public sealed record DefaultsRefused(IReadOnlyDictionary<string, string[]>? Errors, string? Unavailable);

/// <summary>Creates a new tenant's defaults through the services' own APIs, as the tenant's provisioning service acting
/// as its admin: the SLA policy with the tenant's calendar (sla checks it), version 1 of the escalation matrix (the
/// platform's rules, which triage saves when it first reads a tenant's matrix), and the "default" escalation policy
/// (owner, backup, team lead). Each step is safe to repeat: the same calendar again publishes nothing new, reading the matrix saves nothing more, and an existing default policy is left as it is.</summary>
public sealed partial class TenantDefaults(ServiceCalls services)
{
    private const string SlaPolicyPath = "/api/v1/sla/policy";
    private const string BusinessHoursCalendar = "business-hours";

    private static readonly object DefaultPolicy = new
    {
        name = "Default",
        levels = new[] { new { target = "owner" }, new { target = "backup" }, new { target = "team-lead" } },
    };

    private sealed record Problem(Dictionary<string, string[]>? Errors);

    /// <summary>Reading the SLA policy saves its version 1 (the platform's defaults); a calendar given replaces the hours
    /// and holidays of its business-hours calendar as version 2 (sla checks them; the same calendar again adds nothing).</summary>
    private async Task<DefaultsRefused?> CalendarAsync(CalendarDraft? calendar, PlatformIdentity identity, CancellationToken cancellationToken)
    {
        using var read = await services.SendAsync("sla", HttpMethod.Get, SlaPolicyPath, null, identity, cancellationToken);
        if (!read.IsSuccessStatusCode || await ServiceCalls.ReadAsync<JsonObject>(read, cancellationToken) is not { } policy)
        {
            return new(null, "sla");
        }

        if (calendar is not { BusinessHours: not null } and not { Holidays: not null }
            || policy["calendars"] is not JsonArray calendars
            || calendars.OfType<JsonObject>().FirstOrDefault(known => (string?)known["id"] == BusinessHoursCalendar) is not { } business)
        {
            return null;
        }

        if (calendar.BusinessHours is { } hours)
        {
            business["hours"] = JsonNode.Parse(hours.GetRawText());
        }

        if (calendar.Holidays is { } holidays)
        {
            business["holidays"] = JsonNode.Parse(holidays.GetRawText());
        }

        policy["reason"] = "the tenant's calendar, given when it was provisioned";
        using var publish = await services.SendAsync("sla", HttpMethod.Put, SlaPolicyPath, policy, identity, cancellationToken, read.Headers.ETag?.Tag);
        if (publish.StatusCode == HttpStatusCode.BadRequest && await ServiceCalls.ReadAsync<Problem>(publish, cancellationToken) is { Errors: { } errors })
        {
            return new(errors.ToDictionary(error => $"defaultCalendar.{CalendarField().Replace(error.Key, match => match.Groups[1].Value == "hours" ? "businessHours" : match.Groups[1].Value)}",
                error => error.Value), null);
        }

        return publish.IsSuccessStatusCode ? null : new(null, "sla");
    }

    /// <summary>"calendars[1].hours.someday" as the operator wrote it: "businessHours.someday".</summary>
    [GeneratedRegex(@"^calendars\[[^\]]+\]\.(\w+)")]
    private static partial Regex CalendarField();

    public async Task<DefaultsRefused?> CreateAsync(string tenantId, CalendarDraft? calendar, CancellationToken cancellationToken)
    {
        var identity = new PlatformIdentity(tenantId, Actor.Service("provisioning"), Roles: [Roles.Admin]);

        if (await CalendarAsync(calendar, identity, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Triage saves version 1 of the tenant's matrix (the platform's rules) when it first reads it.
        using (var matrix = await services.SendAsync("triage", HttpMethod.Get, "/api/v1/triage/matrix", null, identity, cancellationToken))
        {
            if (!matrix.IsSuccessStatusCode)
            {
                return new(null, "triage");
            }
        }

        using (var policy = await services.SendAsync("routing", HttpMethod.Put, "/api/v1/routing/escalation-policies/default", DefaultPolicy, identity, cancellationToken))
        {
            // 428: the tenant has a default policy already (If-Match would be needed to replace it), which stays.
            if (!policy.IsSuccessStatusCode && policy.StatusCode != HttpStatusCode.PreconditionRequired)
            {
                return new(null, "routing");
            }
        }

        return null;
    }
}
