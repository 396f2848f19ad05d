namespace EscalationPlatform.Contracts;

/// <summary>A customer has escalated repeatedly: at least the tenant's threshold of escalations within its window.
/// Triage shows it as a fact on the customer's new cases; it never raises a severity by itself.</summary>
public sealed record CustomerEscalatingRepeatedly
{
    public required string TenantId { get; init; }

    public required string CustomerId { get; init; }

    public required string CustomerName { get; init; }

    /// <summary>How many escalations the customer had within the window, the newest included.</summary>
    public required int Escalations { get; init; }

    public required int WindowDays { get; init; }

    /// <summary>When the newest of them was submitted.</summary>
    public required DateTimeOffset At { get; init; }
}
