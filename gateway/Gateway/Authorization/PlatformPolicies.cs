using EscalationPlatform.Gateway.Identity;
using Microsoft.AspNetCore.Authorization;

namespace EscalationPlatform.Gateway.Authorization;

/// <summary>Who may do what: a portal user by role, a partner credential by scope. Each gateway route names one
/// of these policies.</summary>
public static class PlatformPolicies
{
    public const string Read = "read";
    public const string Work = "work";
    public const string ConfigureRouting = "configure-routing";
    public const string Configure = "configure";
    public const string Webhooks = "webhooks";
    public const string Operations = "operations";
    public const string Admin = "admin";
    public const string Alertmanager = "alertmanager";
    public const string PagerDuty = "pagerduty";

    /// <summary>YARP's name for a route that needs no credential (the OpenAPI documents).</summary>
    public const string Anonymous = "anonymous";

    private static readonly PlatformRequirement[] Requirements =
    [
        new(Read, [Roles.Agent, Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.EscalationsRead, Scopes.EscalationsWrite]),
        new(Work, [Roles.Agent, Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.EscalationsWrite]),
        new(ConfigureRouting, [Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.ConfigWrite]),
        new(Configure, [Roles.Manager, Roles.Admin], [Scopes.ConfigWrite]),
        new(Webhooks, [Roles.Manager, Roles.Admin], [Scopes.WebhooksManage]),
        new(Operations, [Roles.Admin], [Scopes.Operations]),
        new(Admin, [Roles.Admin], []),
        new(Alertmanager, [], [Scopes.Alertmanager]),
        new(PagerDuty, [], [Scopes.PagerDuty]),
    ];

    /// <summary>The policies judge the user the gateway authenticated (by header, or for PagerDuty by the routing key
    /// in the body), so they name no authentication scheme of their own.</summary>
    public static void Add(AuthorizationOptions options)
    {
        foreach (var requirement in Requirements)
        {
            options.AddPolicy(requirement.Name, policy => policy.RequireAuthenticatedUser().AddRequirements(requirement));
        }

        options.DefaultPolicy = options.GetPolicy(Read)!;
    }
}

/// <summary>A policy's rule: one of the roles, or one of the scopes.</summary>
public sealed class PlatformRequirement(string name, string[] roles, string[] scopes)
    : AuthorizationHandler<PlatformRequirement>, IAuthorizationRequirement
{
    public string Name => name;

    public string Describe() => (roles.Length, scopes.Length) switch
    {
        (0, _) => $"a credential with the scope {string.Join(" or ", scopes)}",
        (_, 0) => $"the role {string.Join(" or ", roles)}",
        _ => $"the role {string.Join(" or ", roles)}, or a credential with the scope {string.Join(" or ", scopes)}",
    };

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformRequirement requirement)
    {
        var user = context.User;
        if (roles.Any(role => user.HasClaim(PlatformClaims.Role, role)) || scopes.Any(scope => user.HasClaim(PlatformClaims.Scope, scope)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
