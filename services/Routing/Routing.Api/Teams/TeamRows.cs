using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.Api.Teams;

/// <summary>A team (queue), as its managers describe it; its round-robin turns are counted apart
/// (<see cref="TeamRotationRow"/>), so that assignments do not change the team's version (its ETag).</summary>
public sealed class TeamRow
{
    public required string TenantId { get; init; }

    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string TimeZone { get; set; }

    public required string LeadMemberId { get; set; }

    /// <summary>Issue types (wire names, "technical") this team takes when no routing rule matches.</summary>
    public required string[] DefaultFor { get; set; }

    /// <summary>How owner and backup are chosen: "round-robin", "least-loaded" or "skills-match" (<see cref="AssignmentStrategy"/>).</summary>
    public string Strategy { get; set; } = WireNames<AssignmentStrategy>.Name(AssignmentStrategy.RoundRobin);

    /// <summary>The schedule whose on-call responder is offered a case first after hours and for S1; null for none.</summary>
    public string? OnCallScheduleId { get; set; }

    /// <summary>The escalation policy an unanswered offer climbs; null for the tenant's "default" policy (or, without
    /// one, the built-in owner, backup, team lead).</summary>
    public string? EscalationPolicyId { get; set; }

    public uint RowVersion { get; set; }
}

/// <summary>How many round-robin turns a team has given out: each assignment takes the next one.</summary>
public sealed class TeamRotationRow
{
    public required string TenantId { get; init; }

    public required string TeamId { get; init; }

    public long Turns { get; set; }
}

public sealed class MemberRow
{
    public required string TenantId { get; init; }

    public required string Id { get; init; }

    public required string TeamId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public required string TimeZone { get; set; }

    /// <summary>The days the member works, each with its hours in the member's time zone (a JSON column).</summary>
    public List<WorkingDay> WorkingHours { get; set; } = [];

    /// <summary>How many escalations the member can own at once; 0 for no limit.</summary>
    public int Capacity { get; set; }

    public bool Available { get; set; } = true;

    public string[] Skills { get; set; } = [];
}

/// <summary>A working day of a member: { "Day": "monday", "Opens": "09:00:00", "Closes": "17:00:00" }.</summary>
public sealed record WorkingDay(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A routing rule of a tenant, evaluated in order, first match wins.</summary>
public sealed class RoutingRuleRow
{
    public required string TenantId { get; init; }

    public required int Order { get; init; }

    public required string Name { get; set; }

    public required string TeamId { get; set; }

    public IssueType? IssueType { get; set; }

    public Severity? Severity { get; set; }

    public string? ProductArea { get; set; }

    public CustomerTier? Tier { get; set; }

    public string? Tag { get; set; }

    public RoutingRule ToRule() => new(Name, TeamId, IssueType, Severity, ProductArea, Tier, Tag);
}

/// <summary>A tenant's escalation policy: how long each severity's offer waits for an acknowledgement.</summary>
public sealed class RoutingPolicyRow
{
    public required string TenantId { get; init; }

    public required WindowsBySeverity AcknowledgementWindows { get; set; }
}

/// <summary>The acknowledgement windows as stored (a JSON column): { "S1": "00:05:00", … }.</summary>
public sealed class WindowsBySeverity
{
    public TimeSpan S1 { get; set; }

    public TimeSpan S2 { get; set; }

    public TimeSpan S3 { get; set; }

    public TimeSpan S4 { get; set; }

    public static WindowsBySeverity From(AcknowledgementWindows windows) => new()
    {
        S1 = windows.For(Severity.S1),
        S2 = windows.For(Severity.S2),
        S3 = windows.For(Severity.S3),
        S4 = windows.For(Severity.S4),
    };

    public AcknowledgementWindows ToWindows() => new(new Dictionary<Severity, TimeSpan>
    {
        [Severity.S1] = S1,
        [Severity.S2] = S2,
        [Severity.S3] = S3,
        [Severity.S4] = S4,
    });
}
