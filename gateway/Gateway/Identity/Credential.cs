namespace EscalationPlatform.Gateway.Identity;

/// <summary>A partner system's credential, bound to one tenant and to scopes: an API key, or a PagerDuty
/// integration key (the routing_key of Events API v2). Only a hash of the secret is stored.</summary>
public sealed class Credential
{
    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    /// <summary><see cref="CredentialKind"/>.</summary>
    public required string Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>The first characters of the secret, to tell keys apart in a list.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the secret, hex. The secrets are random (at least 128 bits), so a fast hash is enough.</summary>
    public required string Hash { get; init; }

    /// <summary>JSON list of <see cref="Scopes"/>.</summary>
    public required string Scopes { get; init; }

    /// <summary>For integrations: the customer escalations raised through this credential are for.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Requests per minute for this credential; null for the configured default.</summary>
    public int? RateLimitPerMinute { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime? RevokedAt { get; set; }
}

public static class CredentialKind
{
    public const string ApiKey = "api-key";
    public const string PagerDuty = "pagerduty";

    public static readonly string[] All = [ApiKey, PagerDuty];
}
