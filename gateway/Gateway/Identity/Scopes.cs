namespace EscalationPlatform.Gateway.Identity;

/// <summary>What a partner credential may do. Portal users have roles instead (<see cref="Roles"/>).</summary>
public static class Scopes
{
    public const string EscalationsRead = "escalations:read";
    public const string EscalationsWrite = "escalations:write";
    public const string ConfigWrite = "config:write";
    public const string WebhooksManage = "webhooks:manage";
    /// <summary>Held by the platform operator's credential only: no tenant can mint it.</summary>
    public const string Operations = "operations";
    public const string Alertmanager = "integrations:alertmanager";
    public const string PagerDuty = "integrations:pagerduty";

    /// <summary>What a tenant's admin may put on an API key (PagerDuty keys get theirs by kind).</summary>
    public static readonly string[] ForApiKeys = [EscalationsRead, EscalationsWrite, ConfigWrite, WebhooksManage, Alertmanager];
}

/// <summary>The roles of portal users (JWT "role" claims), from least to most trusted.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Lead = "lead";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly string[] All = [Agent, Lead, Manager, Admin];
}

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
