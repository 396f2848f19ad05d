namespace EscalationPlatform.Gateway.Identity;

/// <summary>Configuration section "Auth": how portal users' JWT bearer tokens are validated.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "escalation-platform-dev";

    public string Audience { get; set; } = "escalation-platform";

    /// <summary>Base64 HMAC-SHA256 key the tokens are signed with (the app host generates one per state folder).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Serves POST /api/v1/auth/dev-token, which mints a token for any tenant, subject and roles: the local
    /// issuer for development and tests. Never enable it where real users are.</summary>
    public bool DevIssuerEnabled { get; set; }

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
