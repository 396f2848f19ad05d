using EscalationPlatform.Contracts;
using Sla.Domain;

namespace Sla.UnitTests;

/// <summary>Which targets a case gets (severity x customer tier), and the calendars they count on.</summary>
public sealed class PolicyTargetsTests
{
    private static readonly SlaPolicy Default = DefaultPolicy.Create();

    private static DateTimeOffset Local(string zone, int year, int month, int day, int hour, int minute = 0)
    {
        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, info.GetUtcOffset(local));
    }

    [Fact]
    public void A_tier_replaces_only_the_clocks_it_names_and_other_tiers_keep_the_severitys_targets()
    {
        var policy = Default with
        {
            TierTargets = new Dictionary<CustomerTier, IReadOnlyDictionary<Severity, TargetOverride>>
            {
                [CustomerTier.Premium] = new Dictionary<Severity, TargetOverride> { [Severity.S2] = new(FirstResponse: new(TimeSpan.FromMinutes(30), "always-open")) },
            },
        };

        var premium = policy.For(Severity.S2, CustomerTier.Premium);

        Assert.Equal(TimeSpan.FromMinutes(30), premium.FirstResponse.Duration);
        Assert.Equal(Default.Targets[Severity.S2].Resolution, premium.Resolution);
        Assert.Equal(Default.Targets[Severity.S2], policy.For(Severity.S2, CustomerTier.Standard));
        Assert.Equal(Default.Targets[Severity.S3], policy.For(Severity.S3, CustomerTier.Premium));
    }

    [Fact]
    public void A_contractual_SLA_replaces_what_the_tier_gives_and_only_for_a_customer_under_contract()
    {
        var policy = Default with
        {
            ContractTargets = new Dictionary<Severity, TargetOverride> { [Severity.S1] = new(FirstResponse: new(TimeSpan.FromMinutes(5), "always-open")) },
        };

        Assert.Equal(TimeSpan.FromMinutes(5), policy.For(Severity.S1, CustomerTier.Strategic, contractual: true).FirstResponse.Duration);
        Assert.Equal(TimeSpan.FromMinutes(7.5), policy.For(Severity.S1, CustomerTier.Strategic).FirstResponse.Duration); // the tier's
        Assert.Equal(TimeSpan.FromMinutes(15), policy.For(Severity.S1, CustomerTier.Strategic, contractual: true).CustomerUpdate!.Duration); // the tier's, kept
        Assert.Equal(Default.Targets[Severity.S2], policy.For(Severity.S2, CustomerTier.Standard, contractual: true));
    }

    [Theory]
    [InlineData(Severity.S1, 15, 7.5)]
    [InlineData(Severity.S2, 60, 30)]
    [InlineData(Severity.S3, 240, 120)]
    public void The_default_strategic_tier_halves_the_response_targets_and_keeps_the_resolution(Severity severity, double standard, double strategic)
    {
        Assert.Equal(TimeSpan.FromMinutes(standard), Default.For(severity, CustomerTier.Standard).FirstResponse.Duration);
        Assert.Equal(TimeSpan.FromMinutes(strategic), Default.For(severity, CustomerTier.Strategic).FirstResponse.Duration);
        Assert.Equal(Default.For(severity, CustomerTier.Standard).Resolution, Default.For(severity, CustomerTier.Strategic).Resolution);
    }

    [Fact]
    public void A_calendar_in_the_teams_zone_counts_the_teams_hours_and_the_customers_zone_until_there_is_a_team()
    {
        var policy = Default with { Calendars = [.. Default.Calendars.Select(calendar => calendar.Kind == CalendarKind.BusinessHours ? calendar with { TimeZone = "team" } : calendar)] };
        var friday4pmInTokyo = Local("Asia/Tokyo", 2026, 11, 27, 16);

        var forTeam = policy.Calendar(DefaultPolicy.BusinessHoursCalendar, new ClockZones("Asia/Tokyo", "Europe/Berlin"));
        var noTeamYet = policy.Calendar(DefaultPolicy.BusinessHoursCalendar, new ClockZones("Asia/Tokyo"));

        Assert.Equal(Local("Europe/Berlin", 2026, 11, 27, 10), forTeam.AddWorkingTime(friday4pmInTokyo, TimeSpan.FromHours(1))); // 08:00 in Berlin: opens at 09:00
        Assert.Equal(Local("Asia/Tokyo", 2026, 11, 27, 17), noTeamYet.AddWorkingTime(friday4pmInTokyo, TimeSpan.FromHours(1))); // open in Tokyo until 17:00
    }

    [Fact]
    public void A_calendar_in_a_fixed_zone_keeps_its_full_hours_across_the_daylight_saving_change()
    {
        var dublin = new CalendarDefinition("dublin", "Dublin", CalendarKind.BusinessHours, "Europe/Dublin", BusinessHours.Weekdays9To5, new HashSet<DateOnly>(), []);
        var policy = Default with { Calendars = [.. Default.Calendars, dublin] };

        // Friday 23 October 2026, 16:00 in Dublin: one hour that day, the clocks go back on Sunday, seven more on Monday.
        var due = policy.Calendar("dublin", "Asia/Tokyo").AddWorkingTime(Local("Europe/Dublin", 2026, 10, 23, 16), TimeSpan.FromHours(8));

        Assert.Equal(Local("Europe/Dublin", 2026, 10, 26, 16), due);
    }

    [Fact]
    public void Holidays_taken_from_another_calendar_close_this_one_too()
    {
        var bank = new CalendarDefinition("uk-bank-holidays", "UK bank holidays", CalendarKind.BusinessHours, "Europe/London", BusinessHours.Weekdays9To5,
            new HashSet<DateOnly> { new(2026, 12, 25), new(2026, 12, 28) }, []);
        var support = new CalendarDefinition("london-support", "London support", CalendarKind.BusinessHours, "Europe/London", BusinessHours.Weekdays9To5,
            new HashSet<DateOnly> { new(2026, 12, 24) }, ["uk-bank-holidays"]);
        var policy = Default with { Calendars = [.. Default.Calendars, bank, support] };

        var due = policy.Calendar("london-support", "UTC").AddWorkingTime(Local("Europe/London", 2026, 12, 23, 16), TimeSpan.FromHours(2));

        Assert.Equal(Local("Europe/London", 2026, 12, 29, 10), due); // 24th own, 25th and 28th the bank's, 26th-27th a weekend
        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)], policy.HolidaysOf(support).Order());
    }
}
