namespace EscalationPlatform.Gateway.Limits;

/// <summary>Configuration section "RateLimits".</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests per minute per credential (a user, or an API key without a limit of its own); a burst may
    /// use a whole minute's worth at once.</summary>
    public int RequestsPerMinute { get; set; } = 1_200;

    /// <summary>Per integration credential (PagerDuty, Alertmanager): generous, because Alertmanager treats a 429
    /// as final until its next group interval.</summary>
    public int IntegrationRequestsPerMinute { get; set; } = 6_000;

    /// <summary>How long to wait for Redis before counting the request on this replica alone.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Requests an address may make without a valid credential (unknown or revoked keys, bad tokens, bad
    /// PagerDuty routing keys, development tokens) per minute, counted per gateway replica before anything looks the
    /// credential up: over it, 429 without a database round trip.</summary>
    public int UnauthenticatedPerMinute { get; set; } = 120;
}
