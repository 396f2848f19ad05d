using System.Security.Claims;
using EscalationPlatform.Gateway.Identity;
using Microsoft.AspNetCore.Authorization;

namespace EscalationPlatform.Gateway.Authorization;

/// <summary>Who may do what: a portal user by role, a partner credential by scope. Each gateway route names one
/// of these policies.</summary>
public static class PlatformPolicies
{
    /// <summary>Reading escalations: any role or read scope; a credential bound to a customer sees that customer's only
    /// (intake filters).</summary>
    public const string Read = "read";

    /// <summary>A service's /info: every reader, and the platform operator (who sees its details).</summary>
    public const string Info = "info";

    /// <summary>Reading the tenant's configuration and other services' views: not for a credential bound to a customer.</summary>
    public const string ReadTenant = "read-tenant";
    public const string Work = "work";

    /// <summary>Work among the tenant's people (handing a case to another team or person): not for a credential bound to a customer.</summary>
    public const string WorkTenant = "work-tenant";
    public const string ConfigureRouting = "configure-routing";
    public const string Configure = "configure";

    /// <summary>Writing the knowledge base: the leads who know the known errors, besides managers and admins.</summary>
    public const string Knowledge = "knowledge";
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
        new(ReadTenant, [Roles.Agent, Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.EscalationsRead, Scopes.EscalationsWrite], CustomerBoundAllowed: false),
        new(Work, [Roles.Agent, Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.EscalationsWrite]),
        new(WorkTenant, [Roles.Agent, Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.EscalationsWrite], CustomerBoundAllowed: false),
        new(ConfigureRouting, [Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.ConfigWrite], CustomerBoundAllowed: false),
        new(Configure, [Roles.Manager, Roles.Admin], [Scopes.ConfigWrite], CustomerBoundAllowed: false),
        new(Knowledge, [Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.ConfigWrite], CustomerBoundAllowed: false),
        new(Webhooks, [Roles.Manager, Roles.Admin], [Scopes.WebhooksManage], CustomerBoundAllowed: false),
        new(Info, [Roles.Agent, Roles.Lead, Roles.Manager, Roles.Admin], [Scopes.EscalationsRead, Scopes.EscalationsWrite], Operator: OperatorAccess.Also),
        new(Operations, [], [], Operator: OperatorAccess.Only),
        new(Admin, [Roles.Admin], [], CustomerBoundAllowed: false),
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

/// <summary>A policy's rule: one of the roles, or one of the scopes; the platform operator's routes take the
/// operator's credential only, and the operator reaches nothing else; a credential bound to a customer reaches only
/// what that customer's escalations need.</summary>
public sealed class PlatformRequirement(
    string name, string[] roles, string[] scopes, bool CustomerBoundAllowed = true, OperatorAccess Operator = OperatorAccess.None)
    : AuthorizationHandler<PlatformRequirement>, IAuthorizationRequirement
{
    public string Name => name;

    public string Describe() => (roles.Length, scopes.Length) switch
    {
        _ when Operator == OperatorAccess.Only => "the platform operator's credential",
        (0, _) => $"a credential with the scope {string.Join(" or ", scopes)}",
        (_, 0) => $"the role {string.Join(" or ", roles)}",
        _ => $"the role {string.Join(" or ", roles)}, or a credential with the scope {string.Join(" or ", scopes)}",
    } + (CustomerBoundAllowed ? "" : ", not bound to a customer");

    /// <summary>Judges <paramref name="requirement"/> by its own rule: as its own handler this requirement is also
    /// handed every other pending PlatformRequirement of the context (two policies on one endpoint), which it must not
    /// judge by its own roles and scopes.</summary>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformRequirement requirement)
    {
        if (requirement.Allows(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool Allows(ClaimsPrincipal user) => user.HasClaim(PlatformClaims.ActorKind, "operator")
        ? Operator != OperatorAccess.None
        : Operator != OperatorAccess.Only
          && (CustomerBoundAllowed || !user.HasClaim(claim => claim.Type == PlatformClaims.Customer))
          && (roles.Any(role => user.HasClaim(PlatformClaims.Role, role)) || scopes.Any(scope => user.HasClaim(PlatformClaims.Scope, scope)));
}

/// <summary>Whether a route takes the platform operator's credential: not at all, besides tenants', or only.</summary>
public enum OperatorAccess
{
    None,
    Also,
    Only,
}
