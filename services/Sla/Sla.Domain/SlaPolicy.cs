using EscalationPlatform.Contracts;

namespace Sla.Domain;

public sealed record ClockTarget(TimeSpan Duration, CalendarKind Calendar);

/// <summary>The promises for one severity: first response, "next update by" cadence (none for some), resolution.</summary>
public sealed record SeverityTargets(ClockTarget FirstResponse, ClockTarget? CustomerUpdate, ClockTarget Resolution);

/// <summary>A tenant's SLA policy: targets per severity (strategic customers get the response targets shortened),
/// the warning thresholds, and the business calendar.</summary>
public sealed record SlaPolicy(
    IReadOnlyDictionary<Severity, SeverityTargets> Targets,
    double StrategicResponseFactor,
    IReadOnlyList<int> WarningPercents,
    BusinessHours Hours,
    IReadOnlySet<DateOnly> Holidays)
{
    /// <summary>The targets for a case: a strategic customer's first response and update cadence are shortened by
    /// <see cref="StrategicResponseFactor"/> (SPEC: "strategic tier halves the response targets").</summary>
    public SeverityTargets For(Severity severity, CustomerTier tier)
    {
        var targets = Targets[severity];
        if (tier != CustomerTier.Strategic)
        {
            return targets;
        }

        return targets with
        {
            FirstResponse = Shorten(targets.FirstResponse),
            CustomerUpdate = targets.CustomerUpdate is { } update ? Shorten(update) : null,
        };
    }

    public IWorkingCalendar Calendar(CalendarKind kind, string timeZone) => kind == CalendarKind.AlwaysOpen
        ? AlwaysOpenCalendar.Instance
        : new BusinessHoursCalendar(TimeZoneInfo.FindSystemTimeZoneById(timeZone), Hours, Holidays);

    private ClockTarget Shorten(ClockTarget target) => target with { Duration = target.Duration * StrategicResponseFactor };
}

public static class DefaultPolicy
{
    private static ClockTarget Always(TimeSpan duration) => new(duration, CalendarKind.AlwaysOpen);

    private static ClockTarget Business(TimeSpan duration) => new(duration, CalendarKind.BusinessHours);

    /// <summary>A business day is the working time of one day of the default hours: eight hours.</summary>
    private static readonly TimeSpan BusinessDay = BusinessHours.Weekdays9To5.LongestDay;

    /// <summary>SPEC §6: S1 15 min / every 30 min / 4 h, 24x7; S2 1 h / every 2 h / 1 business day; S3 4 business
    /// hours / daily / 3 business days; S4 1 business day / none / 10 business days; warnings at 75 %.</summary>
    public static SlaPolicy Create() => new(
        new Dictionary<Severity, SeverityTargets>
        {
            [Severity.S1] = new(Always(TimeSpan.FromMinutes(15)), Always(TimeSpan.FromMinutes(30)), Always(TimeSpan.FromHours(4))),
            [Severity.S2] = new(Always(TimeSpan.FromHours(1)), Always(TimeSpan.FromHours(2)), Business(BusinessDay)),
            [Severity.S3] = new(Business(TimeSpan.FromHours(4)), Business(BusinessDay), Business(3 * BusinessDay)),
            [Severity.S4] = new(Business(BusinessDay), null, Business(10 * BusinessDay)),
        },
        StrategicResponseFactor: 0.5,
        WarningPercents: [75],
        BusinessHours.Weekdays9To5,
        new HashSet<DateOnly>());
}
