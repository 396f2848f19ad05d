using System.Text.Json;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests.Hostile;

/// <summary>A valid body for each operation that takes one, so that a mutation is the only thing wrong with a
/// request: the tenant's own policies as they stand, a complete submission, a command's usual body.</summary>
public sealed class ValidBodies(IReadOnlyDictionary<string, JsonNode> bodies)
{
    /// <summary>A copy of the valid body for the operation, keeping only the properties its schema describes.</summary>
    public JsonNode? For(ApiOperation operation)
    {
        if (!bodies.TryGetValue($"{operation.Method} {operation.Template}", out var body))
        {
            return null;
        }

        var copy = body.DeepClone();
        if (copy is JsonObject properties && operation.Body?.Properties is { Count: > 0 } described)
        {
            foreach (var extra in properties.Select(property => property.Key).Where(name => !described.ContainsKey(name)).ToList())
            {
                properties.Remove(extra);
            }
        }

        return copy;
    }

    public static async Task<ValidBodies> CreateAsync(PlatformFixture platform, string tenant, string pagerDutyKey)
    {
        using var api = platform.Escalations(tenant);
        static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value)!;
        var preview = Node(Cases.TeamProblem());
        preview.AsObject().Remove("title");
        var bodies = new Dictionary<string, JsonNode>
        {
            ["POST /api/v1/escalations"] = Node(Cases.TeamProblem()),
            ["POST /api/v1/triage/preview"] = preview,
            ["PUT /api/v1/routing/escalation-policy"] = Node(await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policy")),
            ["PUT /api/v1/routing/rules"] = Node(await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/rules")),
            ["PUT /api/v1/routing/schedules/{scheduleId}"] = Node(await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/schedules/technical-support-on-call")),
            ["PUT /api/v1/routing/escalation-policies/{policyId}"] = Node(await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies/major-incident")),
            ["PUT /api/v1/ops/tenants/{tenantId}"] = Node(new { name = "Hostile provisioned", timeZone = "Europe/Berlin" }),
            ["PUT /api/v1/routing/teams/{teamId}"] = Node(await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/teams/technical-support")),
            ["PUT /api/v1/triage/knowledge/articles/{articleId}"] = Node(await api.JsonAsync(HttpMethod.Get, $"/api/v1/triage/knowledge/articles/{SeededTenant.Article}")),
            ["PUT /api/v1/escalations/customers/{customerId}"] = Node(await api.JsonAsync(HttpMethod.Get, $"/api/v1/escalations/customers/{SeededTenant.Customer}")),
            ["POST /api/v1/notifications/webhooks"] = Node(new { url = SeededTenant.WebhookUrl }),
            ["POST /api/v1/routing/escalations/{id}/handoffs"] = Node(new
            {
                toMemberId = "ada", reason = "probe", contextSummary = "probe", actionsTaken = new[] { "probe" },
            }),
            ["POST /api/v1/routing/escalations/{id}/handoffs/{handoffId}/reject"] = Node(new { reason = "probe" }),
            ["POST /api/v1/admin/api-keys"] = Node(new { name = "hostile probe", scopes = new[] { "escalations:read" } }),
            ["POST /api/v1/auth/dev-token"] = Node(new { tenant, subject = "hostile-probe", roles = new[] { "agent" } }),
            ["POST /v2/enqueue"] = Node(new { routing_key = pagerDutyKey, event_action = "trigger", payload = new { summary = "probe", source = "probe", severity = "error" } }),
            ["POST /v2/change/enqueue"] = Node(new { routing_key = pagerDutyKey, payload = new { summary = "probe", source = "probe" } }),
            ["POST /api/v1/changes"] = Node(new { summary = "probe", productArea = "probe" }),
            ["POST /api/v1/triage/changes"] = Node(new { summary = "probe", productArea = "probe" }),
            ["POST /api/v1/triage/problems/{problemId}/status"] = Node(new { status = "investigating", note = "probe" }),
            ["POST /api/v1/integrations/alertmanager"] = Node(new
            {
                version = "4", groupKey = "hostile", status = "firing", receiver = "platform",
                alerts = new[] { new { status = "firing", labels = new { alertname = "HostileProbe" }, annotations = new { summary = "probe" } } },
            }),
        };
        var preferences = Node(new { email = true, inApp = true, timeZone = "UTC", quietHours = new { from = "22:00", to = "07:00" } });
        bodies["PUT /api/v1/notifications/preferences/me"] = preferences;
        bodies["PUT /api/v1/notifications/preferences/{personId}"] = preferences.DeepClone();
        bodies["POST /api/v1/notifications/templates/preview"] = Node(new { @event = "offered", role = "owner" });
        bodies["POST /api/v1/notifications/feed/read"] = Node(new { upTo = Guid.CreateVersion7() });
        foreach (var document in new[] { "/api/v1/triage/matrix", "/api/v1/triage/checklists", "/api/v1/sla/policy", "/api/v1/notifications/rules", "/api/v1/notifications/templates", "/api/v1/insights/settings",
                     SeededTenant.KnowledgeSettings })
        {
            var inForce = Node(await api.JsonAsync(HttpMethod.Get, document));
            bodies[$"PUT {document}"] = inForce;
            bodies[$"POST {document}/drafts"] = new JsonObject { ["document"] = inForce.DeepClone() };
            bodies[$"PUT {document}/drafts/{{draftId}}"] = new JsonObject { ["document"] = inForce.DeepClone() };
            bodies[$"POST {document}/drafts/{{draftId}}/publish"] = Node(new { reason = "probe" });
            bodies[$"POST {document}/versions/{{version}}/restore"] = Node(new { reason = "probe" });
        }

        foreach (var (command, body) in CommandBodies)
        {
            bodies[$"POST /api/v1/escalations/{{id}}/{command}"] = JsonNode.Parse(body)!;
        }

        foreach (var service in GatewayEndpoints.Services)
        {
            bodies[$"POST /api/v1/{service}/ops/error-queues/{{endpoint}}/replay"] = Node(new { messageIds = new[] { Guid.Empty.ToString() } });
        }

        return new(bodies);
    }

    /// <summary>A valid body for each command on an escalation.</summary>
    public static readonly IReadOnlyDictionary<string, string> CommandBodies = new Dictionary<string, string>
    {
        ["contest"] = """{"reason":"probe"}""",
        ["acknowledge"] = """{"note":"probe"}""",
        ["context"] = """{"context":{"reproductionSteps":"probe"}}""",
        ["actions"] = """{"description":"probe"}""",
        ["customer-updates"] = """{"message":"probe"}""",
        ["wait-on-customer"] = """{"reason":"probe"}""",
        ["resume"] = """{"note":"probe"}""",
        ["resolve"] = """{"kind":"fix","summary":"probe","rootCause":"probe"}""",
        ["confirm-closure"] = """{"note":"probe"}""",
        ["reopen"] = """{"reason":"probe"}""",
        ["cancel"] = """{"reason":"probe"}""",
        ["severity"] = """{"severity":"S1","reason":"probe"}""",
    };
}
