namespace Notification.Api.Webhooks;

/// <summary>Configuration section "Notification:Webhooks".</summary>
public sealed class WebhookOptions
{
    /// <summary>Networks webhooks may reach although they are internal or private (comma-separated CIDR, for example
    /// "10.1.0.0/16"): for a partner system inside the operator's own network. Empty: public addresses only.</summary>
    public string AllowedNetworks { get; set; } = "";

    /// <summary>How often every subscribing tenant's webhook interest is announced again (besides at start-up and on
    /// each change), so that a relaying service that missed an announcement catches up.</summary>
    public TimeSpan InterestRepublishInterval { get; set; } = TimeSpan.FromMinutes(10);
}
