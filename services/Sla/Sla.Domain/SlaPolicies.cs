using System.Globalization;
using System.Text.RegularExpressions;
using EscalationPlatform.Contracts;

namespace Sla.Domain;

/// <summary>What an SLA policy must be before it is published (every problem is named by its field, in words a support
/// manager understands), and the policy it then is:
/// <list type="bullet">
/// <item>calendars: unique ids; "24x7" has nothing else (hours or holidays on it would be contradictory, as it counts
/// every hour); "business-hours" needs a known time zone and at least one open day, each day given once with opening
/// before closing (without one, no business-hours clock would ever fall due); holidays taken from other calendars must
/// name business-hours calendars of the policy, without a loop;</item>
/// <item>targets: all four severities, each with a first response and a resolution (an update cadence is optional),
/// longer than zero and at most a year, on a calendar of the policy; a tier, and a contractual SLA, may replace any of
/// them;</item>
/// <item>warnings: up to five different percentages between 1 and 99 (50, 75 and 90 when left out).</item>
/// </list></summary>
public static partial class SlaPolicies
{
    public const string AlwaysOpenKind = "24x7";
    public const string BusinessHoursKind = "business-hours";
    public const int MaxCalendars = 20;
    public const int MaxHolidays = 400;
    public const int MaxName = 100;
    public static readonly TimeSpan LongestTarget = TimeSpan.FromDays(365);

    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly string Tiers = string.Join(", ", Enum.GetValues<CustomerTier>().Select(TierName));

    public static string DayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static string TierName(CustomerTier tier) => tier.ToString().ToLowerInvariant();

    public static (SlaPolicy? Policy, IReadOnlyList<(string Field, string Message)> Problems) Check(SlaPolicyDraft draft)
    {
        var problems = new List<(string Field, string Message)>();
        var calendars = Calendars(draft.Calendars, problems);
        CheckHolidayLoops(calendars, problems);

        var known = calendars.Select(calendar => calendar.Id).ToHashSet(StringComparer.Ordinal);
        var targets = new Dictionary<Severity, SeverityTargets>();
        foreach (var severity in Enum.GetValues<Severity>())
        {
            var given = draft.Targets?.GetValueOrDefault(severity.ToString());
            var field = $"targets.{severity}";
            if (given is null)
            {
                problems.Add((field, "required: firstResponse and resolution (customerUpdate when updates are due), for each of S1, S2, S3 and S4"));
                continue;
            }

            var firstResponse = Target(given.FirstResponse, $"{field}.firstResponse", known, problems, required: true);
            var update = Target(given.CustomerUpdate, $"{field}.customerUpdate", known, problems, required: false);
            var resolution = Target(given.Resolution, $"{field}.resolution", known, problems, required: true);
            if (firstResponse is not null && resolution is not null)
            {
                targets[severity] = new(firstResponse, update, resolution);
            }
        }

        foreach (var name in (draft.Targets?.Keys ?? []).Where(name => !Enum.GetNames<Severity>().Contains(name, StringComparer.Ordinal)))
        {
            problems.Add(($"targets.{Short(name)}", "not a severity: use S1, S2, S3 or S4"));
        }

        var tiers = TierTargets(draft.TierTargets, known, problems);
        var contract = Overrides(draft.ContractTargets, "contractTargets", known, problems);
        var warnings = draft.WarningPercents ?? SlaPolicy.DefaultWarnings;
        if (warnings.Count > 5 || warnings.Any(percent => percent is < 1 or > 99) || warnings.Distinct().Count() != warnings.Count)
        {
            problems.Add(("warningPercents", "up to 5 different percentages between 1 and 99, such as [50, 75, 90]"));
        }

        return problems.Count > 0 ? (null, problems) : (new SlaPolicy(targets, tiers, [.. warnings.Order()], calendars) { ContractTargets = contract }, problems);
    }

    private static List<CalendarDefinition> Calendars(IReadOnlyList<CalendarDraft?>? drafts, List<(string, string)> problems)
    {
        var calendars = new List<CalendarDefinition>();
        if (drafts is null or { Count: 0 })
        {
            problems.Add(("calendars", $"at least one calendar, such as {{ \"id\": \"always-open\", \"kind\": \"{AlwaysOpenKind}\" }}"));
            return calendars;
        }

        if (drafts.Count > MaxCalendars)
        {
            problems.Add(("calendars", $"at most {MaxCalendars} calendars"));
        }

        foreach (var (draft, index) in drafts.Select((draft, index) => (draft, index)))
        {
            var field = $"calendars[{index}]";
            if (draft is null)
            {
                problems.Add((field, "must be a calendar"));
                continue;
            }

            var named = false;
            if (draft.Id is null || !Id().IsMatch(draft.Id))
            {
                problems.Add(($"{field}.id", "lowercase letters, digits and dashes, 1 to 63 characters"));
            }
            else if (calendars.Any(calendar => calendar.Id == draft.Id))
            {
                problems.Add(($"{field}.id", $"'{draft.Id}' is the id of an earlier calendar"));
            }
            else
            {
                named = true;
            }

            if (draft.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > MaxName || name.Contains('\0')))
            {
                problems.Add(($"{field}.name", $"not blank, at most {MaxName} characters"));
            }

            var calendar = draft.Kind switch
            {
                AlwaysOpenKind => AlwaysOpen(draft, field, problems),
                BusinessHoursKind => BusinessHoursOf(draft, field, problems),
                _ => Refuse<CalendarDefinition>(problems, $"{field}.kind", $"\"{AlwaysOpenKind}\" (every hour counts) or \"{BusinessHoursKind}\" (opening hours in a time zone)"),
            };
            if (calendar is not null && named)
            {
                calendars.Add(calendar); // named even when it has a problem, so that the targets on it are not refused as well
            }
        }

        return calendars;
    }

    private static CalendarDefinition? AlwaysOpen(CalendarDraft draft, string field, List<(string, string)> problems)
    {
        foreach (var (given, member) in new (bool, string)[]
        {
            (draft.Hours is not null, "hours"), (draft.Holidays is { Count: > 0 }, "holidays"), (draft.HolidaysFrom is { Count: > 0 }, "holidaysFrom"),
            (draft.TimeZone is not null, "timeZone"),
        }.Where(pair => pair.Item1))
        {
            problems.Add(($"{field}.{member}", $"contradicts \"{AlwaysOpenKind}\": such a calendar counts every hour of every day, in any zone; use \"{BusinessHoursKind}\" for opening hours"));
        }

        return CalendarDefinition.AlwaysOpen(draft.Id ?? "", draft.Name ?? draft.Id ?? "");
    }

    private static CalendarDefinition? BusinessHoursOf(CalendarDraft draft, string field, List<(string, string)> problems)
    {
        var zone = draft.TimeZone ?? CalendarDefinition.CustomerZone;
        if (zone is not (CalendarDefinition.CustomerZone or CalendarDefinition.TeamZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            problems.Add(($"{field}.timeZone", $"'{Short(zone)}' is not a time zone: use \"customer\", \"team\", or a zone such as Europe/Dublin or America/New_York"));
        }

        var days = new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>();
        if (draft.Hours is null or { Count: 0 })
        {
            problems.Add(($"{field}.hours", "at least one open day, such as \"monday\": [\"09:00\", \"17:00\"]: a calendar with no working time never reaches a target"));
        }

        foreach (var (name, times) in draft.Hours ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var at = $"{field}.hours.{Short(name)}";
            var day = Week.Cast<DayOfWeek?>().FirstOrDefault(day => string.Equals(DayName(day!.Value), name, StringComparison.OrdinalIgnoreCase));
            if (day is null)
            {
                problems.Add((at, $"not a day: use {string.Join(", ", Week.Select(DayName))}"));
                continue;
            }

            if (days.ContainsKey(day.Value))
            {
                problems.Add((at, $"{DayName(day.Value)} is given more than once, with contradicting hours"));
                continue;
            }

            if (times is not { Count: 2 } || !TryTime(times[0], out var open) || !TryTime(times[1], out var close) || open >= close)
            {
                problems.Add((at, "[open, close] as \"HH:mm\", with opening before closing, between 00:00 and 23:59"));
                continue;
            }

            days[day.Value] = (open, close);
        }

        var holidays = new HashSet<DateOnly>();
        if (draft.Holidays is { Count: > MaxHolidays })
        {
            problems.Add(($"{field}.holidays", $"at most {MaxHolidays} dates"));
        }

        foreach (var (text, index) in (draft.Holidays ?? []).Select((text, index) => (text, index)))
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                problems.Add(($"{field}.holidays[{index}]", "a date as yyyy-MM-dd, such as 2026-12-25"));
            }
        }

        return new(draft.Id ?? "", draft.Name ?? draft.Id ?? "", CalendarKind.BusinessHours, zone, new BusinessHours(days), holidays, draft.HolidaysFrom ?? []);
    }

    /// <summary>Holidays taken from another calendar must be from a business-hours calendar of the policy, and never come
    /// back round to the calendar that takes them.</summary>
    private static void CheckHolidayLoops(List<CalendarDefinition> calendars, List<(string, string)> problems)
    {
        foreach (var calendar in calendars)
        {
            foreach (var (id, index) in calendar.HolidaysFrom.Select((id, index) => (id, index)))
            {
                var other = calendars.FirstOrDefault(known => known.Id == id);
                if (other is null || other.Kind != CalendarKind.BusinessHours)
                {
                    problems.Add(($"calendars[{calendar.Id}].holidaysFrom[{index}]",
                        $"'{Short(id)}' is not a business-hours calendar of this policy (known: {string.Join(", ", calendars.Where(known => known.Kind == CalendarKind.BusinessHours && known != calendar).Select(known => known.Id))})"));
                }
            }

            if (LoopFrom(calendar, calendars) is { } loop)
            {
                problems.Add(($"calendars[{calendar.Id}].holidaysFrom", $"{string.Join(" > ", loop)} is a loop: a calendar cannot take holidays from itself"));
            }
        }
    }

    private static List<string>? LoopFrom(CalendarDefinition start, List<CalendarDefinition> calendars)
    {
        List<string>? Walk(CalendarDefinition calendar, List<string> path)
        {
            foreach (var next in calendar.HolidaysFrom.Select(id => calendars.FirstOrDefault(known => known.Id == id)).OfType<CalendarDefinition>())
            {
                if (next.Id == start.Id)
                {
                    return [.. path, next.Id];
                }

                if (!path.Contains(next.Id) && Walk(next, [.. path, next.Id]) is { } loop)
                {
                    return loop;
                }
            }

            return null;
        }

        return Walk(start, [start.Id]);
    }

    private static Dictionary<CustomerTier, IReadOnlyDictionary<Severity, TargetOverride>> TierTargets(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, SeverityTargetsDraft?>?>? drafts, HashSet<string> calendars, List<(string, string)> problems)
    {
        var tiers = new Dictionary<CustomerTier, IReadOnlyDictionary<Severity, TargetOverride>>();
        foreach (var (name, bySeverity) in drafts ?? new Dictionary<string, IReadOnlyDictionary<string, SeverityTargetsDraft?>?>())
        {
            var field = $"tierTargets.{Short(name)}";
            var tier = Enum.GetValues<CustomerTier>().Cast<CustomerTier?>().FirstOrDefault(tier => TierName(tier!.Value) == name);
            if (tier is null)
            {
                problems.Add((field, $"unknown tier '{Short(name)}' (known: {Tiers})"));
                continue;
            }

            tiers[tier.Value] = Overrides(bySeverity, field, calendars, problems);
        }

        return tiers;
    }

    /// <summary>Targets that replace some of each severity's ("S1": { "firstResponse": ... }).</summary>
    private static Dictionary<Severity, TargetOverride> Overrides(
        IReadOnlyDictionary<string, SeverityTargetsDraft?>? drafts, string field, HashSet<string> calendars, List<(string, string)> problems)
    {
        var overrides = new Dictionary<Severity, TargetOverride>();
        foreach (var (severityName, given) in drafts ?? new Dictionary<string, SeverityTargetsDraft?>())
        {
            var at = $"{field}.{Short(severityName)}";
            if (!Enum.TryParse<Severity>(severityName, out var severity) || !Enum.GetNames<Severity>().Contains(severityName, StringComparer.Ordinal))
            {
                problems.Add((at, "not a severity: use S1, S2, S3 or S4"));
                continue;
            }

            var replaced = new TargetOverride(
                Target(given?.FirstResponse, $"{at}.firstResponse", calendars, problems, required: false),
                Target(given?.CustomerUpdate, $"{at}.customerUpdate", calendars, problems, required: false),
                Target(given?.Resolution, $"{at}.resolution", calendars, problems, required: false));
            if (replaced == new TargetOverride())
            {
                problems.Add((at, "replace at least one of firstResponse, customerUpdate and resolution"));
            }

            overrides[severity] = replaced;
        }

        return overrides;
    }

    private static ClockTarget? Target(TargetDraft? draft, string field, HashSet<string> calendars, List<(string, string)> problems, bool required)
    {
        if (draft is null)
        {
            return required ? Refuse<ClockTarget>(problems, field, "required: { \"duration\": \"01:00:00\", \"calendar\": \"...\" }") : null;
        }

        var before = problems.Count;
        if (!TimeSpan.TryParseExact(draft.Duration, "c", CultureInfo.InvariantCulture, out var duration))
        {
            problems.Add(($"{field}.duration", "a duration such as 00:15:00 (15 minutes), 04:00:00 (4 hours) or 3.00:00:00 (3 days)"));
        }
        else if (duration <= TimeSpan.Zero || duration > LongestTarget)
        {
            problems.Add(($"{field}.duration", $"longer than zero and at most {LongestTarget.TotalDays:0} days"));
        }

        if (draft.Calendar is null || !calendars.Contains(draft.Calendar))
        {
            problems.Add(($"{field}.calendar",
                $"{(draft.Calendar is null ? "required" : $"'{Short(draft.Calendar)}' is not a calendar of this policy")} (calendars: {string.Join(", ", calendars)})"));
        }

        return problems.Count == before ? new ClockTarget(duration, draft.Calendar!) : null;
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static T? Refuse<T>(List<(string, string)> problems, string field, string message) where T : class
    {
        problems.Add((field, message));
        return null;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Id();
}
