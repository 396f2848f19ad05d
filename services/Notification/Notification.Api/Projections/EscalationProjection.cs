using EscalationPlatform.Contracts;

namespace Notification.Api.Projections;

/// <summary>What notification knows about an escalation, built from the events it receives: enough to address and
/// word every message without asking another service.</summary>
public sealed class EscalationProjection
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public Severity? Severity { get; set; }

    public required EscalationStatus Status { get; set; }

    /// <summary>When <see cref="Status"/> was set: an older status change arriving late does not overwrite it.</summary>
    public required DateTime StatusAt { get; set; }

    public required string CustomerName { get; set; }

    public string? CustomerEmail { get; set; }

    /// <summary>IANA time zone: times in customer emails are given in it as well as in UTC.</summary>
    public required string CustomerTimeZone { get; set; }

    public string? TeamName { get; set; }

    /// <summary>Who must act now: the person the escalation is offered to, or who accepted it.</summary>
    public string? OwnerName { get; set; }

    public string? OwnerEmail { get; set; }

    /// <summary>When the current offer was made: an older offer arriving late does not overwrite it.</summary>
    public DateTime? OfferedAt { get; set; }

    public string? TeamLeadEmail { get; set; }
}

/// <summary>An event about an escalation arrived before the escalation itself: retried until it is known.</summary>
public sealed class EscalationNotYetKnownException(Guid escalationId) : Exception($"Escalation {escalationId} is not known to notification yet.");
