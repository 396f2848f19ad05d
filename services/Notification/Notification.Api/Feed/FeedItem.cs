namespace Notification.Api.Feed;

/// <summary>One entry of a person's in-app feed (SPEC §7): what changed on one of their cases, read or not yet.</summary>
public sealed class FeedItem
{
    public const int MaxPerPage = 100;

    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The person's directory id (the actor id the portal signs them in with).</summary>
    public required string PersonId { get; init; }

    public required Guid EscalationId { get; init; }

    /// <summary>The event and recipient it tells of: one entry per event per person.</summary>
    public required string DedupKey { get; init; }

    /// <summary>The notice event ("sla-warning").</summary>
    public required string Notice { get; init; }

    public required bool Urgent { get; init; }

    /// <summary>The case's key and a line saying what happened, as the email's subject says it.</summary>
    public required string CaseKey { get; init; }

    public required string Text { get; init; }

    public required DateTime At { get; init; }

    public DateTime? ReadAt { get; set; }
}
