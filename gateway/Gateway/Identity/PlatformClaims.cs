namespace EscalationPlatform.Gateway.Identity;

/// <summary>The claims the gateway's authentication handlers issue, whatever the credential.</summary>
public static class PlatformClaims
{
    public const string Tenant = "tenant";
    public const string Scope = "scope";
    public const string Role = "role";
    public const string Name = "name";
    public const string Subject = "sub";
    public const string Customer = "customer";

    /// <summary>"person" for portal users, "partner" for partner credentials, "operator" for the platform operator.</summary>
    public const string ActorKind = "actor_kind";

    /// <summary>What the rate limit counts against: the credential id, or tenant and subject for a user.</summary>
    public const string RateKey = "rate_key";

    public const string RateLimit = "rate_limit";
}
