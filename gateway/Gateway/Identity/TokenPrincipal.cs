using System.Security.Claims;

namespace EscalationPlatform.Gateway.Identity;

/// <summary>The principal a validated bearer token becomes: a new identity holding only tenant, sub, name, platform
/// roles, actor kind and rate key. Everything else the token says is dropped, so no token can grant itself a
/// partner's scope, customer or rate limit, nor, from an external issuer, another tenant.</summary>
public static class TokenPrincipal
{
    public const int MaxSubjectLength = 200;
    public const int MaxNameLength = 200;

    /// <summary>The principal, or why the token gives none.</summary>
    public static (ClaimsPrincipal? User, string? Refusal) From(ClaimsPrincipal token, TokenClaimRules rules, string scheme)
    {
        var tenant = rules.Tenant ?? token.FindFirst(PlatformClaims.Tenant)?.Value;
        if (!Web.Tenancy.Tenant.IsValid(tenant))
        {
            return (null, "The token names no valid tenant.");
        }

        var subject = token.FindFirst(PlatformClaims.Subject)?.Value;
        if (!IsUsableSubject(subject))
        {
            return (null, $"The token's subject (sub) is missing, longer than {MaxSubjectLength} characters, or not printable ASCII.");
        }

        var roles = token.FindAll(rules.RoleClaim).Select(claim => PlatformRole(claim.Value, rules.RoleMap)).OfType<string>().Distinct().ToList();
        if (roles.Count == 0)
        {
            return (null, $"The token carries no platform role ({string.Join(", ", Roles.All)}) in its '{rules.RoleClaim}' claim.");
        }

        var name = token.FindFirst(rules.NameClaim)?.Value is { } given && !string.IsNullOrWhiteSpace(given) ? given : subject!;
        List<Claim> claims =
        [
            new(PlatformClaims.Tenant, tenant!),
            new(PlatformClaims.Subject, subject!),
            new(PlatformClaims.Name, name.Length > MaxNameLength ? name[..MaxNameLength] : name),
            .. roles.Select(role => new Claim(PlatformClaims.Role, role)),
            new(PlatformClaims.ActorKind, "person"),
            new(PlatformClaims.RateKey, $"user:{tenant}:{subject}"),
        ];
        return (new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, PlatformClaims.Name, PlatformClaims.Role)), null);
    }

    /// <summary>The platform role an issuer's role value stands for, if any.</summary>
    public static string? PlatformRole(string value, IReadOnlyDictionary<string, string> roleMap)
    {
        var role = roleMap.Count == 0 ? value : roleMap.GetValueOrDefault(value);
        return role is not null && Roles.All.Contains(role, StringComparer.Ordinal) ? role : null;
    }

    /// <summary>The subject travels to the services in a header, so it must be short printable ASCII.</summary>
    private static bool IsUsableSubject(string? subject) =>
        !string.IsNullOrWhiteSpace(subject) && subject.Length <= MaxSubjectLength && subject.All(c => c is >= ' ' and <= '~');
}
