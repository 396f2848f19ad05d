using EscalationPlatform.Gateway.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationPlatform.Gateway.Identity;

/// <summary>The caller as the gateway sees it: tenant, who, and roles (a person) or scopes (a key).</summary>
public sealed record CallerView(string Tenant, string Id, string Name, string Kind, IReadOnlyList<string> Roles, string? Customer);

/// <summary>GET /api/v1/auth/me: who the gateway takes the credential's holder to be. The portal asks it after an
/// external sign-in, so the tenant and roles it shows are the gateway's (from its configuration), never the token's say.</summary>
public static class WhoAmIEndpoint
{
    public const string Path = "/api/v1/auth/me";

    public static IEndpointRouteBuilder MapWhoAmI(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Describe).RequireAuthorization(PlatformPolicies.Read).WithTags("Identity")
            .WithSummary("Who the credential belongs to, as the platform sees it: tenant, id, name, kind and roles.");
        return endpoints;
    }

    private static Ok<CallerView> Describe(HttpContext context)
    {
        var user = context.User;
        var id = user.FindFirst(PlatformClaims.Subject)?.Value ?? "";
        return TypedResults.Ok(new CallerView(
            user.FindFirst(PlatformClaims.Tenant)?.Value ?? "",
            id,
            user.FindFirst(PlatformClaims.Name)?.Value ?? id,
            user.FindFirst(PlatformClaims.ActorKind)?.Value ?? "person",
            [.. user.FindAll(PlatformClaims.Role).Select(claim => claim.Value)],
            user.FindFirst(PlatformClaims.Customer)?.Value));
    }
}
