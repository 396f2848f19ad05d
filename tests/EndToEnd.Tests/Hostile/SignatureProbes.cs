using System.Text;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Tenancy;

namespace EndToEnd.Tests.Hostile;

/// <summary>Requests sent straight to each service with identity headers: one signed exactly as the gateway would
/// (accepted), then the same signature again, and signatures that do not fit the request they come with (another
/// method, path, query, body, service, time, tenant, roles or key), and no signature at all — each 401. They are sent
/// in order, one at a time: a replay must come after the original.</summary>
public static class SignatureProbes
{
    private sealed record Service(string Resource, string Name, string Path, HttpMethod Write, string OtherPath);

    private static readonly Service[] Services =
    [
        new("intake-api", "intake", "/api/v1/escalations", HttpMethod.Post, "/api/v1/escalations/customers"),
        new("triage-api", "triage", "/api/v1/triage/matrix", HttpMethod.Put, "/api/v1/triage/info"),
        new("routing-api", "routing", "/api/v1/routing/escalation-policy", HttpMethod.Put, "/api/v1/routing/teams"),
        new("sla-api", "sla", "/api/v1/sla/policy", HttpMethod.Put, "/api/v1/sla/info"),
        new("notification-api", "notification", "/api/v1/notifications/webhooks", HttpMethod.Post, "/api/v1/notifications"),
    ];

    public static IEnumerable<HostileRequest> For(GatewayTrust trust, string tenant, string victim)
    {
        var admin = new PlatformIdentity(tenant, new Actor(ActorKind.Person, "hostile-admin", "hostile-admin"), Roles: ["admin"]);
        var agent = admin with { Roles = ["agent"] };
        var otherKey = new GatewayTrust(Convert.FromBase64String(GatewayTrust.NewKey()));
        foreach (var service in Services)
        {
            var query = $"{service.Path}?limit=1";
            Action<HttpRequestMessage> Stamp(string method, string pathAndQuery, byte[]? body = null, PlatformIdentity? identity = null,
                string? serviceName = null, TimeSpan? age = null, GatewayTrust? with = null)
            {
                var signed = new SignedRequest(method, serviceName ?? service.Name, pathAndQuery, SignedRequest.HashOf(body ?? []));
                var headers = new Lazy<IReadOnlyList<KeyValuePair<string, string>>>(() =>
                    (with ?? trust).Stamp(identity ?? admin, signed, DateTimeOffset.UtcNow - (age ?? TimeSpan.Zero)));
                return request =>
                {
                    foreach (var (name, value) in headers.Value)
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }
                };
            }

            Action<HttpRequestMessage> Then(Action<HttpRequestMessage> first, string header, string value) => request =>
            {
                first(request);
                request.Headers.Remove(header);
                request.Headers.TryAddWithoutValidation(header, value);
            };

            HostileRequest Direct(string name, HttpMethod method, string path, Action<HttpRequestMessage> headers, int status, byte[]? body = null) =>
                new("signatures", name, method, path) { Resource = service.Resource, Headers = headers, Expected = [status], Body = body };

            var once = Stamp("GET", query);
            yield return Direct("signed as the gateway signs", HttpMethod.Get, query, once, 200);
            yield return Direct("the same signature again", HttpMethod.Get, query, once, 401);
            yield return Direct("identity headers without a signature", HttpMethod.Get, query, request =>
            {
                request.Headers.TryAddWithoutValidation(Tenant.Header, tenant);
                request.Headers.TryAddWithoutValidation(GatewayTrust.ActorIdHeader, "mallory");
                request.Headers.TryAddWithoutValidation(GatewayTrust.ActorRolesHeader, "admin");
            }, 401);
            yield return Direct("a garbage signature", HttpMethod.Get, query,
                Then(Stamp("GET", query), GatewayTrust.SignatureHeader, $"v2,{DateTimeOffset.UtcNow.ToUnixTimeSeconds()},abc,Zm9yZ2Vk"), 401);
            yield return Direct("a signature of version 1", HttpMethod.Get, query, Then(Stamp("GET", query), GatewayTrust.SignatureHeader, "v1,0,forged"), 401);
            yield return Direct("signed a minute ago", HttpMethod.Get, query, Stamp("GET", query, age: TimeSpan.FromSeconds(61)), 401);
            yield return Direct("signed a minute ahead", HttpMethod.Get, query, Stamp("GET", query, age: TimeSpan.FromSeconds(-61)), 401);
            yield return Direct("tenant changed after signing", HttpMethod.Get, query, Then(Stamp("GET", query), Tenant.Header, victim), 401);
            yield return Direct("admin role added after signing", HttpMethod.Get, query,
                Then(Stamp("GET", query, identity: agent), GatewayTrust.ActorRolesHeader, "admin"), 401);
            yield return Direct("customer binding removed after signing", HttpMethod.Get, query,
                Then(Stamp("GET", query, identity: admin with { CustomerId = "globex" }), GatewayTrust.CustomerHeader, ""), 401);
            yield return Direct("signed for another service", HttpMethod.Get, query, Stamp("GET", query, serviceName: service.Name == "intake" ? "routing" : "intake"), 401);
            yield return Direct("signed with another key", HttpMethod.Get, query, Stamp("GET", query, with: otherKey), 401);
            yield return Direct("signed for GET, sent as " + service.Write, service.Write, query, Stamp("GET", query), 401);
            yield return Direct("signed for one path, sent to another", HttpMethod.Get, service.OtherPath, Stamp("GET", query), 401);
            yield return Direct("signed for one query, sent with another", HttpMethod.Get, $"{service.Path}?limit=100", Stamp("GET", query), 401);
            var signedBody = Encoding.UTF8.GetBytes("""{"probe":1}""");
            yield return Direct("signed for one body, sent with another", service.Write, service.Path, Stamp(service.Write.Method, service.Path, signedBody), 401,
                Encoding.UTF8.GetBytes("""{"probe":2}"""));
        }
    }
}
