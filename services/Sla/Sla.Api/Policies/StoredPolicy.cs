using EscalationPlatform.Contracts;
using Sla.Domain;

namespace Sla.Api.Policies;

/// <summary>A tenant's SLA policy as stored (a JSON column): the whole policy, not a change to the default one.</summary>
public sealed class StoredPolicy
{
    public required TargetsBySeverity Targets { get; set; }

    public double StrategicResponseFactor { get; set; }

    public int[] WarningPercents { get; set; } = [];

    public List<OpeningHours> BusinessHours { get; set; } = [];

    public DateOnly[] Holidays { get; set; } = [];

    public static StoredPolicy From(SlaPolicy policy) => new()
    {
        Targets = new()
        {
            S1 = StoredTargets.From(policy.Targets[Severity.S1]),
            S2 = StoredTargets.From(policy.Targets[Severity.S2]),
            S3 = StoredTargets.From(policy.Targets[Severity.S3]),
            S4 = StoredTargets.From(policy.Targets[Severity.S4]),
        },
        StrategicResponseFactor = policy.StrategicResponseFactor,
        WarningPercents = [.. policy.WarningPercents],
        BusinessHours = [.. policy.Hours.Days.OrderBy(day => day.Key).Select(day => new OpeningHours(day.Key, day.Value.Open, day.Value.Close))],
        Holidays = [.. policy.Holidays.Order()],
    };

    public SlaPolicy ToPolicy() => new(
        new Dictionary<Severity, SeverityTargets>
        {
            [Severity.S1] = Targets.S1.ToTargets(),
            [Severity.S2] = Targets.S2.ToTargets(),
            [Severity.S3] = Targets.S3.ToTargets(),
            [Severity.S4] = Targets.S4.ToTargets(),
        },
        StrategicResponseFactor,
        WarningPercents,
        new BusinessHours(BusinessHours.ToDictionary(day => day.Day, day => (day.Opens, day.Closes))),
        Holidays.ToHashSet());
}

/// <summary>The targets of each severity: { "S1": { "FirstResponse": { "Duration": "00:15:00", "Calendar": "always-open" }, … }, … }.</summary>
public sealed class TargetsBySeverity
{
    public required StoredTargets S1 { get; set; }

    public required StoredTargets S2 { get; set; }

    public required StoredTargets S3 { get; set; }

    public required StoredTargets S4 { get; set; }
}

/// <summary>One severity's targets as stored (see <see cref="SeverityTargets"/>; a severity without an update cadence has none).</summary>
public sealed class StoredTargets
{
    public required ClockTarget FirstResponse { get; set; }

    public ClockTarget? CustomerUpdate { get; set; }

    public required ClockTarget Resolution { get; set; }

    public static StoredTargets From(SeverityTargets targets) =>
        new() { FirstResponse = targets.FirstResponse, CustomerUpdate = targets.CustomerUpdate, Resolution = targets.Resolution };

    public SeverityTargets ToTargets() => new(FirstResponse, CustomerUpdate, Resolution);
}

/// <summary>An open day of the business calendar: { "Day": "monday", "Opens": "09:00:00", "Closes": "17:00:00" }.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
