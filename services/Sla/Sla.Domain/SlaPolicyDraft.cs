using System.Globalization;
using EscalationPlatform.Contracts;

namespace Sla.Domain;

/// <summary>A clock's target as written: a duration ("00:15:00", "3.00:00:00") counted on a calendar of the policy.</summary>
public sealed record TargetDraft(string? Duration = null, string? Calendar = null);

/// <summary>A severity's targets as written; for a tier, only the clocks it replaces.</summary>
public sealed record SeverityTargetsDraft(TargetDraft? FirstResponse = null, TargetDraft? CustomerUpdate = null, TargetDraft? Resolution = null);

/// <summary>A calendar as written: "24x7", or "business-hours" with a time zone ("customer", "team" or a zone such as
/// Europe/Dublin), opening hours per day ({ "monday": ["09:00", "17:00"] }), holidays ("2026-12-25") and the calendars
/// whose holidays it also keeps.</summary>
public sealed record CalendarDraft(
    string? Id = null, string? Name = null, string? Kind = null, string? TimeZone = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? Hours = null,
    IReadOnlyList<string>? Holidays = null, IReadOnlyList<string>? HolidaysFrom = null);

/// <summary>An SLA policy as the API reads and writes it (see <see cref="SlaPolicies.Check"/>).</summary>
public sealed record SlaPolicyDraft(
    IReadOnlyList<CalendarDraft?>? Calendars = null,
    IReadOnlyDictionary<string, SeverityTargetsDraft?>? Targets = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SeverityTargetsDraft?>?>? TierTargets = null,
    IReadOnlyList<int>? WarningPercents = null,
    IReadOnlyDictionary<string, SeverityTargetsDraft?>? ContractTargets = null)
{
    public static SlaPolicyDraft From(SlaPolicy policy) => new(
        [.. policy.Calendars.Select(calendar => (CalendarDraft?)(calendar.Kind == CalendarKind.AlwaysOpen
            ? new CalendarDraft(calendar.Id, calendar.Name, SlaPolicies.AlwaysOpenKind)
            : new CalendarDraft(calendar.Id, calendar.Name, SlaPolicies.BusinessHoursKind, calendar.TimeZone,
                SlaPolicies.Week.Where(calendar.Hours.Days.ContainsKey).ToDictionary(SlaPolicies.DayName,
                    day => (IReadOnlyList<string>)[Time(calendar.Hours.Days[day].Open), Time(calendar.Hours.Days[day].Close)]),
                [.. calendar.Holidays.Order().Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
                calendar.HolidaysFrom)))],
        Enum.GetValues<Severity>().ToDictionary(severity => severity.ToString(), severity => (SeverityTargetsDraft?)Written(policy.Targets[severity])),
        Enum.GetValues<CustomerTier>().Where(policy.TierTargets.ContainsKey).ToDictionary(
            tier => SlaPolicies.TierName(tier),
            tier => (IReadOnlyDictionary<string, SeverityTargetsDraft?>?)Enum.GetValues<Severity>().Where(policy.TierTargets[tier].ContainsKey)
                .ToDictionary(severity => severity.ToString(), severity => (SeverityTargetsDraft?)Override(policy.TierTargets[tier][severity]))),
        policy.WarningPercents,
        Enum.GetValues<Severity>().Where(policy.ContractTargets.ContainsKey)
            .ToDictionary(severity => severity.ToString(), severity => (SeverityTargetsDraft?)Override(policy.ContractTargets[severity])));

    private static SeverityTargetsDraft Written(SeverityTargets targets) =>
        new(Target(targets.FirstResponse), Target(targets.CustomerUpdate), Target(targets.Resolution));

    private static SeverityTargetsDraft Override(TargetOverride targets) =>
        new(Target(targets.FirstResponse), Target(targets.CustomerUpdate), Target(targets.Resolution));

    private static TargetDraft? Target(ClockTarget? target) =>
        target is null ? null : new(target.Duration.ToString("c", CultureInfo.InvariantCulture), target.Calendar);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
