using System.Text;

namespace EndToEnd.Tests.Hostile;

/// <summary>Forged, expired and garbage credentials on a spread of routes (reads, writes, administration, operations,
/// an integration): 401; validly signed tokens that carry no usable tenant or role: 401 or 403.</summary>
public static class CredentialProbes
{
    public static IEnumerable<HostileRequest> For(IEnumerable<Caller> forged, IEnumerable<Caller> withoutRights, SeededTenant own)
    {
        (HttpMethod Method, string Path)[] routes =
        [
            (HttpMethod.Get, "/api/v1/escalations"),
            (HttpMethod.Get, $"/api/v1/escalations/{own.Escalation}"),
            (HttpMethod.Post, $"/api/v1/escalations/{own.Escalation}/cancel"),
            (HttpMethod.Put, "/api/v1/sla/policy"),
            (HttpMethod.Post, "/api/v1/admin/api-keys"),
            (HttpMethod.Delete, $"/api/v1/notifications/webhooks/{own.Webhook}"),
            (HttpMethod.Get, "/api/v1/escalations/ops/error-queues"),
            (HttpMethod.Post, "/api/v1/integrations/alertmanager"),
        ];
        foreach (var (credentials, expected) in new[] { (forged, new[] { 401 }), (withoutRights, new[] { 401, 403 }) })
        {
            foreach (var caller in credentials)
            {
                foreach (var (method, path) in routes)
                {
                    yield return new("credentials", caller.Name, method, path)
                    {
                        As = caller,
                        Body = method == HttpMethod.Get || method == HttpMethod.Delete ? null : Encoding.UTF8.GetBytes("""{"reason":"probe"}"""),
                        Expected = expected,
                    };
                }
            }
        }
    }
}
