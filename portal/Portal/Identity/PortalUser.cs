using System.Security.Claims;

namespace EscalationPlatform.Portal.Identity;

/// <summary>The signed-in person as the portal knows them: who, in which tenant, with which roles, and the token the
/// gateway issued for them. The principal lives in the server-side session, so the token never reaches the browser.</summary>
public sealed record PortalUser(string Tenant, string Id, string Name, IReadOnlyList<string> Roles, string AccessToken, DateTimeOffset ExpiresAt)
{
    public const string AuthenticationType = "portal";
    public const string TenantClaim = "tenant";
    public const string SubjectClaim = "sub";
    public const string NameClaim = "name";
    public const string AccessTokenClaim = "access_token";
    public const string ExpiresClaim = "expires_at";

    /// <summary>The roles the platform knows, from least to most (SPEC section 1).</summary>
    public static IReadOnlyList<string> AllRoles { get; } = ["agent", "lead", "manager", "admin"];

    /// <summary>Roles that may change the tenant's configuration: a page's [Authorize(Roles = ...)] uses this.</summary>
    public const string Administrators = "manager,admin";

    public bool IsAdministrator => Roles.Any(role => role is "manager" or "admin");

    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
    [
        new Claim(TenantClaim, Tenant),
        new Claim(SubjectClaim, Id),
        new Claim(NameClaim, Name),
        new Claim(AccessTokenClaim, AccessToken),
        new Claim(ExpiresClaim, ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. Roles.Select(role => new Claim(ClaimTypes.Role, role)),
    ], AuthenticationType, NameClaim, ClaimTypes.Role));

    public static PortalUser? From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && principal.FindFirst(TenantClaim)?.Value is { } tenant
        && principal.FindFirst(SubjectClaim)?.Value is { } id
        && principal.FindFirst(AccessTokenClaim)?.Value is { } token
            ? new PortalUser(tenant, id, principal.FindFirst(NameClaim)?.Value ?? id,
                [.. principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value)], token,
                long.TryParse(principal.FindFirst(ExpiresClaim)?.Value, out var expires) ? DateTimeOffset.FromUnixTimeSeconds(expires) : DateTimeOffset.MaxValue)
            : null;
}
