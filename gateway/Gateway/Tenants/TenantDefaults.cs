using System.Net;
using System.Text.Json;
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
/// (owner, backup, team lead). Each step is safe to repeat: the SLA policy takes the same parts again, reading the matrix saves nothing more, and an existing default policy is left as it is.</summary>
public sealed class TenantDefaults(ServiceCalls services)
{
    private static readonly object DefaultPolicy = new
    {
        name = "Default",
        levels = new[] { new { target = "owner" }, new { target = "backup" }, new { target = "team-lead" } },
    };

    private sealed record Problem(Dictionary<string, string[]>? Errors);

    public async Task<DefaultsRefused?> CreateAsync(string tenantId, CalendarDraft? calendar, CancellationToken cancellationToken)
    {
        var identity = new PlatformIdentity(tenantId, Actor.Service("provisioning"), Roles: [Roles.Admin]);

        using (var sla = await services.SendAsync("sla", HttpMethod.Put, "/api/v1/sla/policy",
            new { calendar?.BusinessHours, calendar?.Holidays }, identity, cancellationToken))
        {
            if (sla.StatusCode == HttpStatusCode.BadRequest && await ServiceCalls.ReadAsync<Problem>(sla, cancellationToken) is { Errors: { } errors })
            {
                return new(errors.ToDictionary(error => $"defaultCalendar.{error.Key}", error => error.Value), null);
            }

            if (!sla.IsSuccessStatusCode)
            {
                return new(null, "sla");
            }
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
