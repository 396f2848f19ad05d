namespace Notification.Api.Webhooks;

/// <summary>A URL a tenant's partner system registered to receive events, with the secret its deliveries are
/// signed with (Standard Webhooks) and the event types it wants (none listed: all).</summary>
public sealed class WebhookSubscription
{
    public const int MaxUrlLength = 2_048;

    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    public required string Url { get; init; }

    public required string Secret { get; init; }

    /// <summary>The event types, for example "escalation.offered"; none for every event.</summary>
    public required string[] Events { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>The submitter (a credential's actor id, a partner's API key) whose cases alone it receives; null for
    /// every case of the tenant.</summary>
    public string? SubmittedBy { get; init; }

    public bool Wants(string eventType) => Events.Length == 0 || Events.Contains(eventType, StringComparer.Ordinal);

    /// <summary>Whether it receives events of a case <paramref name="submittedBy"/> submitted (unknown: only an unbound
    /// subscription does).</summary>
    public bool Receives(string? submittedBy) => SubmittedBy is null || SubmittedBy == submittedBy;
}
