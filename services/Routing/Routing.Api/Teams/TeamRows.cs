namespace Routing.Api.Teams;

/// <summary>A team (queue). <see cref="LastAssignedMemberId"/> is where round-robin continues; an assignment locks
/// the row to take the turn, and the row version would make two that read the same turn collide.</summary>
public sealed class TeamRow
{
    public required string TenantId { get; init; }

    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string TimeZone { get; set; }

    public required string LeadMemberId { get; set; }

    /// <summary>Issue types (wire names) this team takes when no routing rule matches.</summary>
    public required string DefaultFor { get; set; }

    public string? LastAssignedMemberId { get; set; }

    public uint RowVersion { get; set; }
}

public sealed class MemberRow
{
    public required string TenantId { get; init; }

    public required string Id { get; init; }

    public required string TeamId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public required string TimeZone { get; set; }

    /// <summary>{"monday":["09:00","17:00"],…} in the member's time zone.</summary>
    public required string WorkingHours { get; set; }

    /// <summary>How many escalations the member can own at once; 0 for no limit.</summary>
    public int Capacity { get; set; }

    public bool Available { get; set; } = true;

    public required string Skills { get; set; }
}

/// <summary>A routing rule of a tenant, evaluated in order, first match wins.</summary>
public sealed class RoutingRuleRow
{
    public required string TenantId { get; init; }

    public required int Order { get; init; }

    public required string Name { get; set; }

    public required string TeamId { get; set; }

    public string? IssueType { get; set; }

    public string? Severity { get; set; }

    public string? ProductArea { get; set; }

    public string? Tier { get; set; }

    public string? Tag { get; set; }
}

/// <summary>A tenant's escalation policy: how long each severity's offer waits for an acknowledgement.</summary>
public sealed class RoutingPolicyRow
{
    public required string TenantId { get; init; }

    /// <summary>{"S1":"00:05:00",…}</summary>
    public required string AcknowledgementWindows { get; set; }
}
