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
        ["acknowledge", "context", "actions", "customer-updates", "wait-on-customer", "resume", "resolve", "confirm-closure", "reopen", "cancel", "severity", "contest"];

    public static readonly string[] Services = ["escalations", "triage", "routing", "sla", "notifications", "insights"];

    /// <summary>The versioned configuration documents, each with the same routes.</summary>
    public static readonly string[] Documents = ["/api/v1/triage/matrix", "/api/v1/triage/checklists", "/api/v1/triage/knowledge/settings", "/api/v1/sla/policy"];

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
        foreach (var document in Documents)
        {
            yield return new("GET", document);
            yield return new("PUT", document);
            yield return new("GET", $"{document}/versions");
            yield return new("GET", $"{document}/versions/1");
            yield return new("GET", $"{document}/versions/1/diff");
            yield return new("POST", $"{document}/versions/1/restore");
            yield return new("GET", $"{document}/drafts");
            yield return new("POST", $"{document}/drafts");
            yield return new("GET", $"{document}/drafts/{Id}");
            yield return new("PUT", $"{document}/drafts/{Id}");
            yield return new("DELETE", $"{document}/drafts/{Id}");
            yield return new("GET", $"{document}/drafts/{Id}/diff");
            yield return new("POST", $"{document}/drafts/{Id}/publish");
        }

        yield return new("POST", $"/api/v1/triage/matrix/drafts/{Id}/what-if");
        yield return new("GET", "/api/v1/triage/problems");
        yield return new("GET", $"/api/v1/triage/problems/{Id}");
        yield return new("POST", $"/api/v1/triage/problems/{Id}/status");
        yield return new("POST", $"/api/v1/sla/policy/drafts/{Id}/preview");
        yield return new("GET", "/api/v1/routing/teams");
        yield return new("GET", $"/api/v1/routing/escalations/{Id}/ownership");
        yield return new("GET", "/api/v1/routing/escalation-policy");
        yield return new("PUT", "/api/v1/routing/escalation-policy");
        yield return new("GET", $"/api/v1/sla/escalations/{Id}/clocks");
        yield return new("GET", "/api/v1/notifications");
        yield return new("POST", $"/api/v1/notifications/{Id}/replay");
        yield return new("GET", "/api/v1/notifications/webhooks");
        yield return new("POST", "/api/v1/notifications/webhooks");
        yield return new("DELETE", $"/api/v1/notifications/webhooks/{Id}");
        foreach (var insight in new[] { "summary", "volume", "times", "backlog", "stalls", "bouncing", "repeat-customers", "trends", "timing", "csat", "cases" })
        {
            yield return new("GET", $"/api/v1/insights/{insight}");
        }

        yield return new("GET", "/api/v1/insights/settings");
        yield return new("PUT", "/api/v1/insights/settings");
        yield return new("POST", "/api/v1/insights/rebuild");
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
