using Sla.Domain;

namespace Sla.UnitTests;

public sealed class SlaPoliciesTests
{
    private static readonly SlaPolicyDraft Default = SlaPolicyDraft.From(DefaultPolicy.Create());

    private static IReadOnlyDictionary<string, string> Problems(SlaPolicyDraft draft)
    {
        var (policy, problems) = SlaPolicies.Check(draft);
        Assert.Null(policy); // nothing half-applied: a policy with a problem is no policy
        return problems.GroupBy(problem => problem.Field).ToDictionary(group => group.Key, group => string.Join(" | ", group.Select(problem => problem.Message)));
    }

    private static SlaPolicyDraft WithCalendars(params CalendarDraft[] calendars) => Default with { Calendars = [.. Default.Calendars!, .. calendars] };

    private static SlaPolicyDraft WithTarget(string severity, TargetDraft firstResponse) => Default with
    {
        Targets = Default.Targets!.ToDictionary(pair => pair.Key, pair => pair.Key == severity ? pair.Value! with { FirstResponse = firstResponse } : pair.Value),
    };

    private static readonly Dictionary<string, IReadOnlyList<string>> Weekdays = new() { ["monday"] = ["09:00", "17:00"] };

    [Fact]
    public void The_default_policy_reads_back_as_itself_with_warnings_at_50_75_and_90()
    {
        var (policy, problems) = SlaPolicies.Check(Default);

        Assert.Empty(problems);
        Assert.Equal([50, 75, 90], policy!.WarningPercents);
        Assert.Equal(Default, SlaPolicyDraft.From(policy), new DraftJsonComparer());
    }

    [Fact]
    public void A_chain_of_holidays_that_comes_back_round_is_a_loop_spelled_out()
    {
        var problems = Problems(WithCalendars(
            new CalendarDraft("uk", "UK", "business-hours", "Europe/London", Weekdays, HolidaysFrom: ["ie"]),
            new CalendarDraft("ie", "Ireland", "business-hours", "Europe/Dublin", Weekdays, HolidaysFrom: ["uk"])));

        Assert.Contains("uk > ie > uk is a loop", problems["calendars[uk].holidaysFrom"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_24x7_calendar_with_hours_or_holidays_contradicts_itself()
    {
        var problems = Problems(WithCalendars(new CalendarDraft("odd", "Odd", "24x7", Hours: Weekdays, Holidays: ["2026-12-25"])));

        Assert.Contains("contradicts \"24x7\"", problems["calendars[2].hours"], StringComparison.Ordinal);
        Assert.Contains("contradicts \"24x7\"", problems["calendars[2].holidays"], StringComparison.Ordinal);
    }

    [Fact]
    public void Business_hours_without_an_open_day_or_with_closing_before_opening_are_refused()
    {
        var problems = Problems(WithCalendars(
            new CalendarDraft("empty", "Empty", "business-hours", Hours: new Dictionary<string, IReadOnlyList<string>>()),
            new CalendarDraft("backwards", "Backwards", "business-hours", Hours: new Dictionary<string, IReadOnlyList<string>> { ["friday"] = ["17:00", "09:00"] })));

        Assert.Contains("at least one open day", problems["calendars[2].hours"], StringComparison.Ordinal);
        Assert.Contains("opening before closing", problems["calendars[3].hours.friday"], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_time_zones_days_and_dates_are_named()
    {
        var problems = Problems(WithCalendars(new CalendarDraft("mars", "Mars", "business-hours", "Mars/Olympus",
            new Dictionary<string, IReadOnlyList<string>> { ["someday"] = ["09:00", "17:00"], ["monday"] = ["09:00", "17:00"] }, ["25.12.2026"])));

        Assert.Contains("'Mars/Olympus' is not a time zone", problems["calendars[2].timeZone"], StringComparison.Ordinal);
        Assert.Contains("not a day", problems["calendars[2].hours.someday"], StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", problems["calendars[2].holidays[0]"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00", "longer than zero")]
    [InlineData("366.00:00:00", "at most 365 days")]
    [InlineData("soon", "a duration such as")]
    public void Targets_of_zero_beyond_a_year_or_not_a_duration_are_refused(string duration, string message)
    {
        var problems = Problems(WithTarget("S2", new TargetDraft(duration, "always-open")));

        Assert.Contains(message, problems["targets.S2.firstResponse.duration"], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_tiers_severities_and_calendars_are_named_with_what_is_known()
    {
        var problems = Problems(Default with
        {
            Targets = Default.Targets!.Where(pair => pair.Key != "S4").ToDictionary(pair => pair.Key, pair => pair.Value),
            TierTargets = new Dictionary<string, IReadOnlyDictionary<string, SeverityTargetsDraft?>?>
            {
                ["gold"] = new Dictionary<string, SeverityTargetsDraft?> { ["S1"] = new(new TargetDraft("00:05:00", "always-open")) },
                ["premium"] = new Dictionary<string, SeverityTargetsDraft?> { ["S9"] = new(new TargetDraft("00:05:00", "always-open")), ["S2"] = new(new TargetDraft("00:05:00", "weekends")) },
            },
        });

        Assert.Contains("unknown tier 'gold' (known: standard, premium, strategic)", problems["tierTargets.gold"], StringComparison.Ordinal);
        Assert.Contains("not a severity", problems["tierTargets.premium.S9"], StringComparison.Ordinal);
        Assert.Contains("'weekends' is not a calendar of this policy (calendars: always-open, business-hours)", problems["tierTargets.premium.S2.firstResponse.calendar"], StringComparison.Ordinal);
        Assert.Contains("required", problems["targets.S4"], StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_targets_are_read_and_written_back_and_named_when_wrong()
    {
        var withContract = Default with
        {
            ContractTargets = new Dictionary<string, SeverityTargetsDraft?> { ["S1"] = new(new TargetDraft("00:05:00", "always-open")) },
        };

        var (policy, problems) = SlaPolicies.Check(withContract);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromMinutes(5), policy!.ContractTargets[EscalationPlatform.Contracts.Severity.S1].FirstResponse!.Duration);
        Assert.Equal("00:05:00", SlaPolicyDraft.From(policy).ContractTargets!["S1"]!.FirstResponse!.Duration);
        Assert.Contains("replace at least one", Problems(Default with
        {
            ContractTargets = new Dictionary<string, SeverityTargetsDraft?> { ["S2"] = new() },
        })["contractTargets.S2"], StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_are_up_to_five_different_percentages_below_a_hundred()
    {
        Assert.Contains("up to 5 different", Problems(Default with { WarningPercents = [50, 50] })["warningPercents"], StringComparison.Ordinal);
        Assert.Contains("up to 5 different", Problems(Default with { WarningPercents = [100] })["warningPercents"], StringComparison.Ordinal);
    }

    /// <summary>Drafts hold dictionaries and lists, which records compare by reference: compare what they say.</summary>
    private sealed class DraftJsonComparer : IEqualityComparer<SlaPolicyDraft>
    {
        public bool Equals(SlaPolicyDraft? x, SlaPolicyDraft? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(SlaPolicyDraft obj) => 0;
    }
}
