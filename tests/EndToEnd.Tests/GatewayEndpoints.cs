namespace EndToEnd.Tests;

/// <summary>Every REST endpoint the gateway exposes (PagerDuty's /v2/enqueue aside: its credential is in the
/// body), with a sample of each path parameter.</summary>
public static class GatewayEndpoints
{
    public sealed record Endpoint(string Method, string Path)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private static readonly string Id = Guid.CreateVersion7().ToString();

    public static readonly string[] Commands =
        ["acknowledge", "context", "actions", "customer-updates", "wait-on-customer", "resume", "resolve", "confirm-closure", "reopen", "cancel", "severity"];

    public static readonly string[] Services = ["escalations", "triage", "routing", "sla", "notifications"];

    public static IEnumerable<Endpoint> All()
    {
        yield return new("GET", "/api/v1/escalations");
        yield return new("POST", "/api/v1/escalations");
        yield return new("GET", $"/api/v1/escalations/{Id}");
        yield return new("GET", $"/api/v1/escalations/{Id}/clocks");
        yield return new("GET", "/api/v1/escalations/customers");
        yield return new("GET", "/api/v1/escalations/changes");
        foreach (var command in Commands)
        {
            yield return new("POST", $"/api/v1/escalations/{Id}/{command}");
        }

        yield return new("POST", "/api/v1/triage/preview");
        yield return new("GET", "/api/v1/triage/checklists");
        yield return new("GET", "/api/v1/triage/matrix");
        yield return new("PUT", "/api/v1/triage/matrix");
        yield return new("GET", "/api/v1/routing/teams");
        yield return new("GET", $"/api/v1/routing/escalations/{Id}/ownership");
        yield return new("GET", "/api/v1/routing/escalation-policy");
        yield return new("PUT", "/api/v1/routing/escalation-policy");
        yield return new("GET", $"/api/v1/sla/escalations/{Id}/clocks");
        yield return new("GET", "/api/v1/sla/policy");
        yield return new("PUT", "/api/v1/sla/policy");
        yield return new("GET", "/api/v1/notifications");
        yield return new("POST", $"/api/v1/notifications/{Id}/replay");
        yield return new("GET", "/api/v1/notifications/webhooks");
        yield return new("POST", "/api/v1/notifications/webhooks");
        yield return new("DELETE", $"/api/v1/notifications/webhooks/{Id}");
        foreach (var service in Services)
        {
            yield return new("GET", $"/api/v1/{service}/info");
            yield return new("GET", $"/api/v1/{service}/ops/error-queues");
            yield return new("GET", $"/api/v1/{service}/ops/error-queues/any/messages");
            yield return new("POST", $"/api/v1/{service}/ops/error-queues/any/replay");
        }

        yield return new("GET", "/api/v1/auth/me");
        yield return new("GET", "/api/v1/admin/api-keys");
        yield return new("POST", "/api/v1/admin/api-keys");
        yield return new("DELETE", $"/api/v1/admin/api-keys/{Id}");
        yield return new("POST", "/api/v1/integrations/alertmanager");
    }
}
