using System.Text;
using EscalationPlatform.Web.Tenancy;

namespace EndToEnd.Tests.Hostile;

/// <summary>Hostile requests not derived from a schema: identity headers forged at the gateway, headers and bodies
/// over the limits (declared and chunked), methods a route does not take, path traversal and double slashes, and
/// webhook targets inside the platform's network.</summary>
public static class ProtocolProbes
{
    public static IEnumerable<HostileRequest> ForgedIdentityHeaders(TenantCallers hostile, SeededTenant hostileData, SeededTenant victim)
    {
        const string category = "forged identity headers";
        Action<HttpRequestMessage> Forge(params (string Name, string Value)[] headers) => request =>
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        };

        var asVictimAdmin = Forge((Tenant.Header, victim.Tenant), (GatewayTrust.ActorRolesHeader, "admin"), (GatewayTrust.ActorIdHeader, "e2e-admin"),
            (GatewayTrust.ActorKindHeader, "person"), (GatewayTrust.SignatureHeader, $"v2,{DateTimeOffset.UtcNow.ToUnixTimeSeconds()},abc,forged"));
        var asOperator = Forge((GatewayTrust.ActorKindHeader, "operator"), (GatewayTrust.ActorIdHeader, "operator"));
        var asAdmin = Forge((GatewayTrust.ActorRolesHeader, "admin,manager"));
        var asOtherCustomer = Forge((GatewayTrust.CustomerHeader, SeededTenant.Customer));
        var escalation = $"/api/v1/escalations/{victim.Escalation}";
        HostileRequest Get(string name, string path, Caller caller, Action<HttpRequestMessage> headers, params int[] expected) =>
            new(category, name, HttpMethod.Get, path) { As = caller, Headers = headers, Expected = expected.Length == 0 ? null : expected };
        HostileRequest Send(string name, HttpMethod method, string path, Caller caller, Action<HttpRequestMessage> headers, params int[] expected) =>
            new(category, name, method, path) { As = caller, Headers = headers, Body = Encoding.UTF8.GetBytes("""{"reason":"probe"}"""), Expected = expected };

        yield return Get("other tenant's admin, no credential", escalation, Caller.Anonymous, asVictimAdmin, 401);
        yield return Get("other tenant's admin, no credential, list", "/api/v1/escalations", Caller.Anonymous, asVictimAdmin, 401);
        yield return Get("other tenant's admin, with an agent token", escalation, hostile.Agent, asVictimAdmin, 404);
        yield return Get("other tenant's admin, with an agent token, list", "/api/v1/escalations?limit=100", hostile.Agent, asVictimAdmin, 200);
        yield return Get("other tenant's admin, with a write key", escalation, hostile.WriteKey, asVictimAdmin, 404);
        yield return Get("other tenant's admin, webhooks", "/api/v1/notifications/webhooks", hostile.Admin, asVictimAdmin, 200);
        yield return Get("other tenant's admin, keys", "/api/v1/admin/api-keys", hostile.Admin, asVictimAdmin, 200);
        yield return Get("other tenant's admin, clocks", $"/api/v1/sla/escalations/{victim.Escalation}/clocks", hostile.Admin, asVictimAdmin, 404);
        yield return Get("other tenant's admin, record's clocks", $"{escalation}/clocks", hostile.Admin, asVictimAdmin, 404);
        yield return Get("other tenant's admin, ownership", $"/api/v1/routing/escalations/{victim.Escalation}/ownership", hostile.Admin, asVictimAdmin, 404);
        yield return Send("other tenant's admin, cancel", HttpMethod.Post, $"{escalation}/cancel", hostile.Agent, asVictimAdmin, 404);
        yield return Send("other tenant's admin, delete a webhook", HttpMethod.Delete, $"/api/v1/notifications/webhooks/{victim.Webhook}", hostile.Admin,
            asVictimAdmin, 404);
        yield return Send("other tenant's admin, revoke a key", HttpMethod.Delete, $"/api/v1/admin/api-keys/{victim.WriteKey.Id}", hostile.Admin, asVictimAdmin, 404);
        yield return Send("admin roles for an agent, SLA policy", HttpMethod.Put, "/api/v1/sla/policy", hostile.Agent, asAdmin, 403);
        yield return Send("admin roles for an agent, matrix", HttpMethod.Put, "/api/v1/triage/matrix", hostile.Agent, asAdmin, 403);
        yield return Send("admin roles for an agent, API keys", HttpMethod.Post, "/api/v1/admin/api-keys", hostile.Agent, asAdmin, 403);
        yield return Send("admin roles for a read key, submit", HttpMethod.Post, "/api/v1/escalations", hostile.ReadKey, asAdmin, 403);
        yield return Get("operator for an admin, error queues", "/api/v1/escalations/ops/error-queues", hostile.Admin, asOperator, 403);
        yield return Send("operator for an admin, replay", HttpMethod.Post, "/api/v1/routing/ops/error-queues/hostile-none/replay", hostile.Admin, asOperator, 403);
        yield return Get("another customer for a customer-bound key", $"/api/v1/escalations/{hostileData.Escalation}", hostile.CustomerKey, asOtherCustomer, 404);
        yield return Get("another customer for a customer-bound key, clocks", $"/api/v1/escalations/{hostileData.Escalation}/clocks", hostile.CustomerKey,
            asOtherCustomer, 404);
        yield return Get("no customer for a customer-bound key", $"/api/v1/escalations/{hostileData.Escalation}", hostile.CustomerKey,
            Forge((GatewayTrust.CustomerHeader, "")), 404);
        yield return Get("another customer for a customer-bound key, SLA policy", "/api/v1/sla/policy", hostile.CustomerKey, asOtherCustomer, 403);
    }

    public static IEnumerable<HostileRequest> Limits(TenantCallers hostile)
    {
        const string category = "limits";
        var big = new string('h', 40 * 1024);
        yield return new(category, "one header of 40 KB", HttpMethod.Get, "/api/v1/escalations")
        {
            As = hostile.Agent, Headers = request => request.Headers.TryAddWithoutValidation("X-Hostile", big), Expected = [431], AnsweredByServer = true,
        };
        yield return new(category, "a cookie of 40 KB", HttpMethod.Get, "/api/v1/escalations")
        {
            As = hostile.Agent, Headers = request => request.Headers.TryAddWithoutValidation("Cookie", $"a={big}"), Expected = [431], AnsweredByServer = true,
        };
        yield return new(category, "an Authorization header of 40 KB", HttpMethod.Get, "/api/v1/escalations")
        {
            Headers = request => request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {big}"), Expected = [431], AnsweredByServer = true,
        };
        yield return new(category, "36 headers of 1 KB", HttpMethod.Get, "/api/v1/escalations")
        {
            As = hostile.Agent, Expected = [431], AnsweredByServer = true,
            Headers = request =>
            {
                for (var index = 0; index < 36; index++)
                {
                    request.Headers.TryAddWithoutValidation($"X-Hostile-{index}", new string('h', 1024));
                }
            },
        };
        yield return new(category, "request line over 8 KB", HttpMethod.Get, $"/api/v1/escalations?team={new string('t', 9 * 1024)}")
        {
            As = hostile.Agent, Expected = [414, 431], AnsweredByServer = true,
        };

        (HttpMethod Method, string Path, Caller Caller)[] writes =
        [
            (HttpMethod.Post, "/api/v1/escalations", hostile.Agent),
            (HttpMethod.Post, "/api/v1/triage/preview", hostile.Agent),
            (HttpMethod.Put, "/api/v1/triage/matrix", hostile.Admin),
            (HttpMethod.Put, "/api/v1/routing/escalation-policy", hostile.Admin),
            (HttpMethod.Put, "/api/v1/sla/policy", hostile.Admin),
            (HttpMethod.Post, "/api/v1/notifications/webhooks", hostile.Admin),
            (HttpMethod.Post, "/api/v1/admin/api-keys", hostile.Admin),
            (HttpMethod.Post, "/api/v1/integrations/alertmanager", hostile.AlertmanagerKey),
            (HttpMethod.Post, "/v2/enqueue", Caller.Anonymous),
            (HttpMethod.Post, "/v2/change/enqueue", Caller.Anonymous),
            (HttpMethod.Post, $"/api/v1/escalations/{Guid.CreateVersion7()}/actions", hostile.Agent),
        ];
        var oversized = Encoding.UTF8.GetBytes($$"""{"title":"{{new string('x', 1_200_000)}}"}""");
        foreach (var (method, path, caller) in writes)
        {
            yield return new(category, "body over 1 MB", method, path) { As = caller, Body = oversized, Expected = [413], Mentions = "body" };
            yield return new(category, "chunked body over 1 MB", method, path) { As = caller, Body = oversized, Chunked = true, Expected = [413] };
            yield return new(category, "chunked, small and invalid", method, path) { As = caller, Body = Encoding.UTF8.GetBytes("""{"bogus":"""), Chunked = true };
        }
    }

    /// <summary>Every method an operation's path does not take: 404 or 405 with problem details.</summary>
    public static IEnumerable<HostileRequest> MethodConfusion(IReadOnlyList<ApiOperation> operations, TenantCallers hostile, Caller @operator)
    {
        HttpMethod[] methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];
        var nobody = PathIds.Nobody();
        foreach (var byPath in operations.GroupBy(operation => operation.Template))
        {
            var first = byPath.First();
            var path = nobody.Fill(first);
            foreach (var method in methods.Where(method => byPath.All(operation => operation.Method != method)))
            {
                yield return new("method confusion", $"{method} where only {string.Join(", ", byPath.Select(operation => operation.Method))}", method, path)
                {
                    As = first.IsOperations ? @operator : hostile.Admin,
                    Body = method == HttpMethod.Get ? null : Encoding.UTF8.GetBytes("{}"),
                    Expected = [404, 405],
                };
            }
        }

        yield return new("method confusion", "X-HTTP-Method-Override: DELETE", HttpMethod.Post, $"/api/v1/notifications/webhooks/{nobody.Webhook}")
        {
            As = hostile.Admin, Headers = request => request.Headers.TryAddWithoutValidation("X-HTTP-Method-Override", "DELETE"), Expected = [404, 405],
        };
        yield return new("method confusion", "TRACE", HttpMethod.Trace, "/api/v1/escalations") { As = hostile.Admin, Expected = [404, 405] };
    }

    public static IEnumerable<HostileRequest> Traversal(TenantCallers hostile, SeededTenant victim)
    {
        string[] paths =
        [
            "/api/v1/escalations/..%2f..%2fadmin",
            "/api/v1/escalations/..%2f..%2fadmin%2fapi-keys",
            "/api/v1/escalations/%2e%2e/%2e%2e/admin/api-keys",
            "/api/v1/escalations/..%2f..%2f..%2fhealth",
            "/api/v1/escalations/..%2f..%2f..%2fintegrations%2fpagerduty",
            "/api/v1/escalations/%252e%252e%252f%252e%252e%252fadmin",
            "/api/v1/escalations/..%5c..%5cadmin",
            "/api/v1/escalations/;/../../admin/api-keys",
            "/api/v1/triage/..%2fescalations",
            "/api/v1/routing/..%2f..%2fsla/policy",
            "/api/v1/notifications/..%2f..%2fadmin/api-keys",
            $"/api/v1/notifications/webhooks/..%2f..%2f..%2fadmin%2fapi-keys%2f{victim.WriteKey.Id}",
            "//api/v1/escalations",
            "/api/v1//escalations",
            "/api//v1/escalations/customers",
            $"/api/v1/escalations//{victim.Escalation}",
            $"/api/v1/escalations/{victim.Escalation}%00",
            $"/api/v1/escalations/{victim.Escalation}%2f..%2f..",
            "/api/v1/escalations/%00",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/api/v1/escalations/openapi.json/..%2f..%2fadmin",
        ];
        foreach (var path in paths)
        {
            yield return new("path traversal", "agent", HttpMethod.Get, path)
            {
                As = hostile.Agent, Expected = [400, 403, 404, 405], AnsweredByServer = path.Contains("%00", StringComparison.Ordinal),
            };
        }

        yield return new("path traversal", "write through a dot segment", HttpMethod.Post, "/api/v1/escalations/..%2f..%2f..%2fintegrations%2falertmanager")
        {
            As = hostile.Agent, Body = Encoding.UTF8.GetBytes("{}"), Expected = [400, 403, 404, 405],
        };
        yield return new("path traversal", "delete through a dot segment", HttpMethod.Delete,
            $"/api/v1/notifications/webhooks/..%2f..%2fwebhooks%2f{victim.Webhook}")
        {
            As = hostile.Admin, Expected = [400, 403, 404, 405],
        };
        yield return new("path traversal", "upper case", HttpMethod.Get, "/API/V1/ESCALATIONS?limit=100") { As = hostile.Agent };
    }

    /// <summary>Webhook targets inside the platform or its host: 400 naming "url".</summary>
    public static IEnumerable<HostileRequest> InternalWebhookTargets(TenantCallers hostile)
    {
        string[] targets =
        [
            "http://127.0.0.1/hooks", "http://2130706433/hooks", "http://0x7f000001/hooks", "http://0177.0.0.1/hooks", "http://127.1/hooks",
            "http://0.0.0.0/hooks", "http://[::1]/hooks", "http://[0:0:0:0:0:0:0:1]/hooks", "http://[::ffff:127.0.0.1]/hooks", "http://[::ffff:7f00:1]/hooks",
            "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/", "http://2852039166/latest/meta-data/",
            "http://0xa9fea9fe/", "http://intake-api/", "http://_grpc.intake-api/",
            "http://localhost/", "http://LOCALHOST./", "http://localhost:5432/", "http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/",
            "http://[fe80::1]/", "http://user:pass@127.0.0.1/", "https://127.0.0.1:443/", "http://gateway/api/v1/admin/api-keys",
            "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://partner.example/", "javascript:alert(1)", "//partner.example/hooks",
            "http://[::]/", "http://0/",
        ];
        foreach (var target in targets)
        {
            yield return new("SSRF", target, HttpMethod.Post, "/api/v1/notifications/webhooks")
            {
                As = hostile.Admin, Body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { url = target })),
                Expected = [400], Mentions = "\"url\"", Changes = "webhooks",
            };
        }
    }
}
