using System.Text.RegularExpressions;
using EscalationPlatform.Gateway.Admin;
using EscalationPlatform.Gateway.Authorization;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.Gateway.Tenants;
using Yarp.ReverseProxy.Configuration;

namespace EndToEnd.Tests.Hostile;

/// <summary>Which gateway route a request takes and the policy it needs, from the gateway's own route table
/// (<see cref="GatewayRoutes.Routes"/>) and its own endpoints (administration, development tokens).</summary>
public static partial class RoutePolicies
{
    private static readonly IReadOnlyList<RouteConfig> Routes = GatewayRoutes.Routes();

    /// <summary>The route (lowest order first, as YARP picks among matches) and its policy; null when no route
    /// takes the request, or the gateway answers it itself without one of the platform's policies.</summary>
    public static (string Route, string Policy)? For(HttpMethod method, string path)
    {
        if (path.StartsWith(CredentialEndpoints.Prefix, StringComparison.Ordinal))
        {
            return ("admin", PlatformPolicies.Admin);
        }

        if (path.StartsWith(TenantEndpoints.Prefix, StringComparison.Ordinal))
        {
            return ("ops-tenants", PlatformPolicies.Operations);
        }

        if (path == DevTokenIssuer.Path)
        {
            return ("dev-token", PlatformPolicies.Anonymous);
        }

        var route = Routes.Where(route => route.Match.Methods?.Contains(method.Method) != false && Pattern(route.Match.Path!).IsMatch(path))
            .OrderBy(route => route.Order ?? 0).FirstOrDefault();
        return route is null ? null : (route.RouteId, route.AuthorizationPolicy!);
    }

    /// <summary>"/api/v1/x/{**rest}" as a regular expression: a catch-all matches anything, a parameter one segment.</summary>
    private static Regex Pattern(string template)
    {
        var pattern = Regex.Escape(template).Replace("/\\{\\*\\*rest}", "(/.*)?", StringComparison.Ordinal);
        return new Regex($"^{Parameter().Replace(pattern, "[^/]+")}$", RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex Parameter();
}
