using EscalationPlatform.Contracts;

namespace Sla.Domain;

/// <summary>How long a clock may run, counted on the named calendar of the policy.</summary>
public sealed record ClockTarget(TimeSpan Duration, string Calendar);

/// <summary>The promises for one severity: first response, "next update by" cadence (none for some), resolution.</summary>
public sealed record SeverityTargets(ClockTarget FirstResponse, ClockTarget? CustomerUpdate, ClockTarget Resolution);

/// <summary>Targets that replace a severity's for one customer tier: the clocks it names; the others stay.</summary>
public sealed record TargetOverride(ClockTarget? FirstResponse = null, ClockTarget? CustomerUpdate = null, ClockTarget? Resolution = null)
{
    public SeverityTargets Over(SeverityTargets targets) => new(
        FirstResponse ?? targets.FirstResponse, CustomerUpdate ?? targets.CustomerUpdate, Resolution ?? targets.Resolution);
}

/// <summary>A tenant's SLA policy (SPEC section 6): targets per severity, replaced per severity x customer tier where
/// it says so and then for a customer under a contractual SLA (the customer directory's <c>contractualSla</c>), the
/// calendars they count on, and the warning thresholds.</summary>
public sealed record SlaPolicy(
    IReadOnlyDictionary<Severity, SeverityTargets> Targets,
    IReadOnlyDictionary<CustomerTier, IReadOnlyDictionary<Severity, TargetOverride>> TierTargets,
    IReadOnlyList<int> WarningPercents,
    IReadOnlyList<CalendarDefinition> Calendars)
{
    public static readonly IReadOnlyList<int> DefaultWarnings = [50, 75, 90];

    /// <summary>What a customer's contract promises, per severity, over what its tier gets.</summary>
    public IReadOnlyDictionary<Severity, TargetOverride> ContractTargets { get; init; } = new Dictionary<Severity, TargetOverride>();

    /// <summary>The targets for a case of this severity, customer tier and contract: the severity's, replaced by the
    /// tier's where it has some, then by the contract's for a customer under a contractual SLA.</summary>
    public SeverityTargets For(Severity severity, CustomerTier tier, bool contractual = false)
    {
        var targets = TierTargets.TryGetValue(tier, out var byTier) && byTier.TryGetValue(severity, out var replaced)
            ? replaced.Over(Targets[severity])
            : Targets[severity];
        return contractual && ContractTargets.TryGetValue(severity, out var promised) ? promised.Over(targets) : targets;
    }

    public CalendarDefinition CalendarNamed(string id) => Calendars.First(calendar => calendar.Id == id);

    /// <summary>Whether any of these targets counts on a calendar in the team's time zone (only then is the team's zone needed).</summary>
    public bool CountsInTeamZone(SeverityTargets targets) =>
        new[] { targets.FirstResponse, targets.CustomerUpdate, targets.Resolution }.OfType<ClockTarget>()
            .Any(target => CalendarNamed(target.Calendar) is { Kind: CalendarKind.BusinessHours, TimeZone: CalendarDefinition.TeamZone });

    public IWorkingCalendar Calendar(string id, ClockZones zones)
    {
        var calendar = CalendarNamed(id);
        return calendar.Kind == CalendarKind.AlwaysOpen
            ? AlwaysOpenCalendar.Instance
            : new BusinessHoursCalendar(TimeZoneInfo.FindSystemTimeZoneById(zones.Resolve(calendar.TimeZone)), calendar.Hours, HolidaysOf(calendar));
    }

    /// <summary>A calendar's own holidays and those of every calendar it takes holidays from (a loop is refused when the
    /// policy is checked; here a calendar seen twice is not followed again).</summary>
    public IReadOnlySet<DateOnly> HolidaysOf(CalendarDefinition calendar)
    {
        var holidays = new HashSet<DateOnly>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Queue<CalendarDefinition>([calendar]);
        while (next.TryDequeue(out var current))
        {
            if (!seen.Add(current.Id))
            {
                continue;
            }

            holidays.UnionWith(current.Holidays);
            foreach (var other in current.HolidaysFrom.Select(id => Calendars.FirstOrDefault(known => known.Id == id)).OfType<CalendarDefinition>())
            {
                next.Enqueue(other);
            }
        }

        return holidays;
    }
}

public static class DefaultPolicy
{
    public const string AlwaysOpenCalendar = "always-open";
    public const string BusinessHoursCalendar = "business-hours";

    private static ClockTarget Always(TimeSpan duration) => new(duration, AlwaysOpenCalendar);

    private static ClockTarget Business(TimeSpan duration) => new(duration, BusinessHoursCalendar);

    /// <summary>A business day is the working time of one day of the default hours: eight hours.</summary>
    private static readonly TimeSpan BusinessDay = BusinessHours.Weekdays9To5.LongestDay;

    /// <summary>SPEC §6: S1 15 min / every 30 min / 4 h, 24x7; S2 1 h / every 2 h / 1 business day; S3 4 business
    /// hours / daily / 3 business days; S4 1 business day / none / 10 business days; the strategic tier halves the
    /// response targets; warnings at 50, 75 and 90 %; business hours Monday to Friday 09:00-17:00 in the customer's zone.</summary>
    public static SlaPolicy Create()
    {
        var targets = new Dictionary<Severity, SeverityTargets>
        {
            [Severity.S1] = new(Always(TimeSpan.FromMinutes(15)), Always(TimeSpan.FromMinutes(30)), Always(TimeSpan.FromHours(4))),
            [Severity.S2] = new(Always(TimeSpan.FromHours(1)), Always(TimeSpan.FromHours(2)), Business(BusinessDay)),
            [Severity.S3] = new(Business(TimeSpan.FromHours(4)), Business(BusinessDay), Business(3 * BusinessDay)),
            [Severity.S4] = new(Business(BusinessDay), null, Business(10 * BusinessDay)),
        };
        var strategic = targets.ToDictionary(pair => pair.Key, pair => new TargetOverride(
            Half(pair.Value.FirstResponse), pair.Value.CustomerUpdate is { } update ? Half(update) : null));
        return new(
            targets,
            new Dictionary<CustomerTier, IReadOnlyDictionary<Severity, TargetOverride>> { [CustomerTier.Strategic] = strategic },
            SlaPolicy.DefaultWarnings,
            [
                CalendarDefinition.AlwaysOpen(AlwaysOpenCalendar, "Around the clock"),
                new(BusinessHoursCalendar, "Business hours", CalendarKind.BusinessHours, CalendarDefinition.CustomerZone, BusinessHours.Weekdays9To5,
                    new HashSet<DateOnly>(), []),
            ]);
    }

    private static ClockTarget Half(ClockTarget target) => target with { Duration = target.Duration / 2 };
}
