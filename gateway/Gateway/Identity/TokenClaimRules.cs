namespace EscalationPlatform.Gateway.Identity;

/// <summary>How one issuer's tokens are read: where the tenant comes from, which claims hold the roles and the name,
/// and how the issuer's role values map to platform roles.</summary>
/// <param name="Tenant">The configured tenant of an external issuer; null for the development issuer, whose tokens
/// carry the tenant they were minted for.</param>
/// <param name="RoleClaim">The claim holding the roles, one value per role.</param>
/// <param name="RoleMap">The issuer's role values and the platform roles they stand for; empty to take platform role
/// names as they are.</param>
/// <param name="NameClaim">The claim holding the display name; the subject when absent.</param>
public sealed record TokenClaimRules(string? Tenant, string RoleClaim, IReadOnlyDictionary<string, string> RoleMap, string NameClaim)
{
    public static readonly TokenClaimRules DevIssuer =
        new(null, PlatformClaims.Role, new Dictionary<string, string>(), PlatformClaims.Name);

    public static TokenClaimRules For(ExternalIssuerOptions issuer) =>
        new(issuer.Tenant, issuer.RoleClaim, new Dictionary<string, string>(issuer.Roles, StringComparer.Ordinal), issuer.NameClaim);
}
