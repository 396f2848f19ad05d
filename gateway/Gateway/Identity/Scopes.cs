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
