using Notification.Api.Deliveries;
using Notification.Api.Webhooks;

namespace Notification.Api;

/// <summary>Configuration section "Notification".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notification";

    /// <summary>The sender of every email.</summary>
    public string From { get; set; } = "EscalationPlatform <escalations@platform.example>";

    /// <summary>Who hears of S1 cases and breaches of S1/S2 cases; "{tenant}" is replaced by the tenant id.</summary>
    public string LeadershipEmail { get; set; } = "leadership@{tenant}.example";

    /// <summary>The portal's address: every message links to the case's page there.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5080";

    /// <summary>The gateway's public address: a closed case's customer is sent a rating link there (/csat/{token}).</summary>
    public string GatewayUrl { get; set; } = "http://localhost:8080";

    /// <summary>Multiplies the retry delays (tests use a small value to reach the dead letter quickly).</summary>
    public double RetryScale { get; set; } = 1;

    /// <summary>How long one SMTP or webhook attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How the delivery worker takes pending deliveries from the delivery table.</summary>
    public DeliveryWorkerOptions Worker { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    public string LeadershipFor(string tenantId) => LeadershipEmail.Replace("{tenant}", tenantId, StringComparison.Ordinal);

    public string CaseLink(Guid escalationId) => $"{PortalUrl.TrimEnd('/')}/cases/{escalationId}";

    public string ProblemLink(Guid problemId) => $"{PortalUrl.TrimEnd('/')}/problems/{problemId}";
}
