using EscalationPlatform.Gateway.Authorization;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace EscalationPlatform.Gateway.Proxy;

/// <summary>Every route the gateway exposes, and the policy each needs: reads need any role or a read scope;
/// writes name what they change (work on escalations, routing or SLA configuration, webhooks, operations). A
/// method or path not listed here is not exposed (404). Destinations are service names resolved by service
/// discovery; gRPC goes to intake's HTTP/2 endpoint.</summary>
public static class GatewayRoutes
{
    private sealed record Service(string Prefix, string Cluster, string Host);

    private static readonly Service[] Services =
    [
        new("escalations", "intake", "http://intake-api"),
        new("triage", "triage", "http://triage-api"),
        new("routing", "routing", "http://routing-api"),
        new("sla", "sla", "http://sla-api"),
        new("notifications", "notification", "http://notification-api"),
        new("insights", "insights", "http://insights-api"),
    ];

    public const string IntakeGrpcCluster = "intake-grpc";

    /// <summary>Server-sent events of escalation changes (the portal's live pages): long-lived, so bounded as streams.</summary>
    public const string ChangesPath = "/api/v1/escalations/changes";
    public const string PublicGrpcService = "escalation.v1.Escalations";

    /// <summary>Where partners post changes and deployments in the platform's shape (triage's /api/v1/triage/changes).</summary>
    public const string ChangesAlias = "/api/v1/changes";

    /// <summary>PagerDuty's Change Events API (the routing_key in the body is the credential, as for /v2/enqueue).</summary>
    public const string PagerDutyChangesPath = "/v2/change/enqueue";

    /// <summary>How long a REST request may take end to end (streams are bounded by <see cref="Limits.StreamOptions"/> instead); configurable as
    /// <c>Gateway:RequestTimeout</c>.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Rebuilding a tenant's insights reads its whole history (about a minute per 100,000 escalations).</summary>
    public static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<RouteConfig> Routes(TimeSpan? requestTimeout = null)
    {
        var routes = new List<RouteConfig>();
        foreach (var service in Services)
        {
            var prefix = $"/api/v1/{service.Prefix}";
            routes.Add(Route($"{service.Prefix}-openapi", service.Cluster, $"{prefix}/openapi.json", PlatformPolicies.Anonymous, ["GET"]));
            routes.Add(Route($"{service.Prefix}-operations", service.Cluster, $"{prefix}/ops/{{**rest}}", PlatformPolicies.Operations, ["GET", "POST"]));
            routes.Add(Route($"{service.Prefix}-info", service.Cluster, $"{prefix}/info", PlatformPolicies.Info, ["GET"]));
            routes.Add(Route($"{service.Prefix}-read", service.Cluster, $"{prefix}/{{**rest}}",
                service.Cluster is "intake" or "insights" ? PlatformPolicies.Read : PlatformPolicies.ReadTenant, ["GET"], order: 10));
        }

        routes.AddRange(
        [
            Route("escalation-changes", "intake", ChangesPath, PlatformPolicies.Read, ["GET"]),
            Route("escalations-write", "intake", "/api/v1/escalations/{**rest}", PlatformPolicies.Work, ["POST"], order: 10),
            Route("escalations-customers", "intake", "/api/v1/escalations/customers/{customerId}", PlatformPolicies.Configure, ["PUT"]),
            Route("triage-preview", "triage", "/api/v1/triage/preview", PlatformPolicies.ReadTenant, ["POST"]),
            Route("triage-matrix", "triage", "/api/v1/triage/matrix/{**rest}", PlatformPolicies.Configure, ["PUT", "POST", "DELETE"]),
            Route("triage-checklists", "triage", "/api/v1/triage/checklists/{**rest}", PlatformPolicies.Configure, ["PUT", "POST", "DELETE"]),
            Route("triage-knowledge", "triage", "/api/v1/triage/knowledge/articles/{articleId}", PlatformPolicies.Knowledge, ["PUT", "DELETE"]),
            Route("triage-knowledge-settings", "triage", "/api/v1/triage/knowledge/settings/{**rest}", PlatformPolicies.Configure, ["PUT", "POST", "DELETE"]),
            Route("triage-problems", "triage", "/api/v1/triage/problems/{problemId}/status", PlatformPolicies.Knowledge, ["POST"]),
            Route("triage-changes", "triage", "/api/v1/triage/changes", PlatformPolicies.WorkTenant, ["POST"]),
            Route("changes", "triage", ChangesAlias, PlatformPolicies.WorkTenant, ["POST"]) with
            {
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/api/v1/triage/changes" }],
            },
            Route("routing-policy", "routing", "/api/v1/routing/escalation-policy", PlatformPolicies.ConfigureRouting, ["PUT"]),
            Route("routing-teams", "routing", "/api/v1/routing/teams/{teamId}", PlatformPolicies.Configure, ["PUT", "DELETE"]),
            Route("routing-rules", "routing", "/api/v1/routing/rules", PlatformPolicies.Configure, ["PUT"]),
            Route("routing-schedules", "routing", "/api/v1/routing/schedules/{scheduleId}", PlatformPolicies.Configure, ["PUT", "DELETE"]),
            Route("routing-escalation-policies", "routing", "/api/v1/routing/escalation-policies/{policyId}", PlatformPolicies.Configure, ["PUT", "DELETE"]),
            Route("routing-handoffs", "routing", "/api/v1/routing/escalations/{id}/handoffs", PlatformPolicies.WorkTenant, ["POST"]),
            Route("routing-handoff-accept", "routing", "/api/v1/routing/escalations/{id}/handoffs/{handoffId}/accept", PlatformPolicies.WorkTenant, ["POST"]),
            Route("routing-handoff-reject", "routing", "/api/v1/routing/escalations/{id}/handoffs/{handoffId}/reject", PlatformPolicies.WorkTenant, ["POST"]),
            Route("sla-policy", "sla", "/api/v1/sla/policy/{**rest}", PlatformPolicies.Configure, ["PUT", "POST", "DELETE"]),
            Route("notifications-webhooks", "notification", "/api/v1/notifications/webhooks/{**rest}", PlatformPolicies.Webhooks, ["POST", "DELETE"]),
            Route("notifications-replay", "notification", "/api/v1/notifications/{id}/replay", PlatformPolicies.Webhooks, ["POST"]),
            Route("notifications-rules", "notification", "/api/v1/notifications/rules/{**rest}", PlatformPolicies.Configure, ["PUT", "POST", "DELETE"]),
            Route("notifications-templates", "notification", "/api/v1/notifications/templates/{**rest}", PlatformPolicies.Configure, ["PUT", "POST", "DELETE"]),
            Route("notifications-my-preferences", "notification", "/api/v1/notifications/preferences/me", PlatformPolicies.WorkTenant, ["PUT"]),
            Route("notifications-preferences", "notification", "/api/v1/notifications/preferences/{personId}", PlatformPolicies.Configure, ["PUT"]),
            Route("notifications-feed", "notification", "/api/v1/notifications/feed/{**rest}", PlatformPolicies.WorkTenant, ["POST"]),
            Route("insights-settings-read", "insights", "/api/v1/insights/settings/{**rest}", PlatformPolicies.ReadTenant, ["GET"]),
            Route("insights-settings", "insights", "/api/v1/insights/settings/{**rest}", PlatformPolicies.Configure, ["PUT", "POST", "DELETE"]),
            Route("insights-rebuild", "insights", "/api/v1/insights/rebuild", PlatformPolicies.Configure, ["POST"]) with { Timeout = RebuildTimeout },
            Route("csat", "insights", "/csat/{token}", PlatformPolicies.Anonymous, ["GET", "POST"]),
            Route("pagerduty", "intake", "/v2/enqueue", PlatformPolicies.PagerDuty, ["POST"]) with
            {
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/integrations/pagerduty" }],
            },
            Route("pagerduty-changes", "triage", PagerDutyChangesPath, PlatformPolicies.PagerDuty, ["POST"]) with
            {
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/integrations/pagerduty/changes" }],
            },
            Route("alertmanager", "intake", "/api/v1/integrations/alertmanager", PlatformPolicies.Alertmanager, ["POST"]) with
            {
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/integrations/alertmanager" }],
            },
            Route("grpc-submit", IntakeGrpcCluster, $"/{PublicGrpcService}/Submit", PlatformPolicies.Work, ["POST"]),
            Route("grpc-read", IntakeGrpcCluster, $"/{PublicGrpcService}/{{method}}", PlatformPolicies.Read, ["POST"], order: 10),
        ]);
        return [.. routes.Select(route => IsStream(route) || route.Timeout is not null ? route : route with { Timeout = requestTimeout ?? DefaultRequestTimeout })];
    }

    private static bool IsStream(RouteConfig route) =>
        route.RouteId.StartsWith("grpc", StringComparison.Ordinal) || route.RouteId == "escalation-changes";

    /// <summary>The service a cluster's requests are signed for (the name that service verifies them with).</summary>
    public static string ServiceOf(string clusterId) => clusterId == IntakeGrpcCluster ? "intake" : clusterId;

    /// <summary>Where a cluster's service answers ("http://sla-api", resolved by service discovery).</summary>
    public static string HostOf(string clusterId) => Services.First(service => service.Cluster == clusterId).Host;

    public static IReadOnlyList<ClusterConfig> Clusters() =>
    [
        .. Services.DistinctBy(service => service.Cluster).Select(service => new ClusterConfig
        {
            ClusterId = service.Cluster,
            Destinations = new Dictionary<string, DestinationConfig> { [service.Cluster] = new() { Address = service.Host } },
        }),
        new ClusterConfig
        {
            ClusterId = IntakeGrpcCluster,
            Destinations = new Dictionary<string, DestinationConfig> { ["intake"] = new() { Address = "http://_grpc.intake-api" } },
            HttpRequest = new ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
        },
    ];

    /// <summary>The OpenAPI documents the gateway serves (and lists at /docs), one per service.</summary>
    public static IEnumerable<(string Name, string Path)> OpenApiDocuments() =>
        Services.Select(service => (service.Prefix, $"/api/v1/{service.Prefix}/openapi.json"));

    private static RouteConfig Route(string id, string cluster, string path, string policy, string[]? methods = null, int order = 0) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Order = order,
        AuthorizationPolicy = policy,
        Match = new RouteMatch { Path = path, Methods = methods },
    };
}
