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

    /// <summary>How long to wait for Redis before letting the request through uncounted.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);
}
