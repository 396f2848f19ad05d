namespace EscalationPlatform.Gateway.Identity;

/// <summary>One entry of "Auth:Issuers": an OpenID Connect provider whose JWT access tokens the gateway accepts for
/// the users of one tenant. Its signing keys come from its discovery document; only asymmetric algorithms count.</summary>
public sealed class ExternalIssuerOptions
{
    /// <summary>A short name for logs and the authentication scheme.</summary>
    public string Name { get; set; } = "";

    /// <summary>The tokens' "iss" value, also the authority whose discovery document is read.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The discovery document; by default {Issuer}/.well-known/openid-configuration.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The "aud" value tokens for this platform carry.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The tenant this issuer's users belong to. The mapping is configured, so a token never chooses its tenant.</summary>
    public string Tenant { get; set; } = "";

    public string RoleClaim { get; set; } = "roles";

    /// <summary>The issuer's role values and the platform role each stands for; when empty, the platform's role names
    /// (agent, lead, manager, admin) are taken as they are.</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.Ordinal);

    public string NameClaim { get; set; } = "name";

    /// <summary>Off only for a provider on plain HTTP on this machine (tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How far the provider's clock may be from the gateway's when judging "exp" and "nbf".</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public string DiscoveryAddress => MetadataAddress ?? $"{Issuer.TrimEnd('/')}/.well-known/openid-configuration";

    public string SchemeName => $"Issuer:{Name}";
}
