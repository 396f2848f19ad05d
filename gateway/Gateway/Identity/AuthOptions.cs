namespace EscalationPlatform.Gateway.Identity;

/// <summary>Configuration section "Auth": how portal users' JWT bearer tokens are validated, from the development
/// issuer and from external OpenID Connect providers (<see cref="Issuers"/>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The "iss" of the development issuer's tokens.</summary>
    public string Issuer { get; set; } = "escalation-platform-dev";

    public string Audience { get; set; } = "escalation-platform";

    /// <summary>Base64 HMAC-SHA256 key the development issuer signs with (the app host generates one per state folder).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Serves POST /api/v1/auth/dev-token, which mints a token for any tenant, subject and roles, and accepts
    /// the tokens it minted: the local issuer for development and tests. Allowed in the Development environment only,
    /// and answered only to callers on this machine.</summary>
    public bool DevIssuerEnabled { get; set; }

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The OpenID Connect providers whose access tokens are accepted, each for one tenant.</summary>
    public List<ExternalIssuerOptions> Issuers { get; set; } = [];
}
