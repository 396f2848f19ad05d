using EscalationPlatform.Contracts;
using Sla.Domain;

namespace Sla.UnitTests;

public sealed class ThresholdAnnouncementsTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Opened.AddMinutes(15);
    private static readonly Threshold Warning = new(ClockKind.FirstResponse, 0, 75, Opened.AddMinutes(11.25), Due);
    private static readonly Threshold Breach = new(ClockKind.FirstResponse, 0, 100, Due, Due);

    private static ClockStatus Clock(ClockKind kind, ClockState state, int cycle = 0) =>
        new(kind, state, cycle, Opened, Due, TimeSpan.FromMinutes(15), TimeSpan.Zero, TimeSpan.Zero, null, null, CalendarKind.AlwaysOpen);

    private static ClockReport Report(ClockState state, params Threshold[] reached) => new([Clock(ClockKind.FirstResponse, state)], reached, null);

    private static AnnouncementPlan Plan(ClockReport report, DateTimeOffset now, params string[] announced) =>
        ThresholdAnnouncements.Plan(report, announced, now);

    [Theory]
    [InlineData(ClockState.Running)]
    [InlineData(ClockState.Breached)]
    public void A_warning_is_announced_while_its_clock_still_runs(ClockState state)
    {
        var plan = Plan(Report(state, Warning), Warning.At);

        var announcement = Assert.Single(plan.Announcements);
        Assert.Equal(new Announcement(ClockKind.FirstResponse, ThresholdKind.Warning, 75, Due, Warning.At, null), announcement);
    }

    [Theory]
    [InlineData(ClockState.Met)]
    [InlineData(ClockState.Stopped)]
    [InlineData(ClockState.Paused)]
    public void A_warning_is_not_announced_once_its_clock_stopped_and_is_not_news_later_either(ClockState state)
    {
        var plan = Plan(Report(state, Warning), Warning.At.AddMinutes(1));

        Assert.Empty(plan.Announcements);
        Assert.Contains(Warning.Key, plan.Announced);
        Assert.Empty(Plan(Report(ClockState.Running, Warning), Warning.At.AddMinutes(2), [.. plan.Announced]).Announcements);
    }

    [Fact]
    public void A_warning_for_an_earlier_cycle_of_the_update_cadence_is_not_announced()
    {
        var earlier = new Threshold(ClockKind.CustomerUpdate, 0, 75, Opened.AddMinutes(22.5), Opened.AddMinutes(30));
        var report = new ClockReport([Clock(ClockKind.CustomerUpdate, ClockState.Running, cycle: 1)], [earlier], null);

        Assert.Empty(Plan(report, earlier.At).Announcements);
    }

    [Theory]
    [InlineData(ClockState.Breached)]
    [InlineData(ClockState.Met)]
    [InlineData(ClockState.Stopped)]
    public void A_breach_is_announced_always(ClockState state)
    {
        var plan = Plan(Report(state, Breach), Due);

        Assert.Equal([new Announcement(ClockKind.FirstResponse, ThresholdKind.Breach, 100, Due, Due, null)], plan.Announcements);
    }

    [Fact]
    public void A_breach_is_announced_even_when_its_clock_is_no_longer_in_the_report()
    {
        var report = new ClockReport([], [Breach], null);

        Assert.Equal(ThresholdKind.Breach, Assert.Single(Plan(report, Due).Announcements).Kind);
    }

    [Fact]
    public void Each_threshold_is_announced_once_however_often_the_keeper_looks()
    {
        var report = Report(ClockState.Breached, Warning, Breach);

        var first = Plan(report, Due);
        var second = Plan(report, Due.AddSeconds(1), [.. first.Announced]);

        Assert.Equal([ThresholdKind.Warning, ThresholdKind.Breach], first.Announcements.Select(announcement => announcement.Kind));
        Assert.Equal(["FirstResponse:0:100", "FirstResponse:0:75"], first.Announced.Order(StringComparer.Ordinal));
        Assert.Empty(second.Announcements);
        Assert.Equal(first.Announced.Order(StringComparer.Ordinal), second.Announced.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_thresholds_not_yet_announced_are_announced_and_the_earlier_keys_are_kept()
    {
        var plan = Plan(Report(ClockState.Breached, Warning, Breach), Due, Warning.Key, "Resolution:0:75");

        Assert.Equal(ThresholdKind.Breach, Assert.Single(plan.Announcements).Kind);
        Assert.Equal(["FirstResponse:0:100", "FirstResponse:0:75", "Resolution:0:75"], plan.Announced.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_threshold_reported_twice_is_announced_once()
    {
        Assert.Single(Plan(Report(ClockState.Breached, Breach, Breach), Due).Announcements);
    }

    [Fact]
    public void An_announcement_more_than_the_tolerance_after_its_threshold_is_flagged_late()
    {
        var onTime = Plan(Report(ClockState.Breached, Breach), Due + ThresholdAnnouncements.LateTolerance);
        var late = Plan(Report(ClockState.Breached, Breach), Due.AddMinutes(3));

        Assert.Equal(TimeSpan.FromSeconds(5), ThresholdAnnouncements.LateTolerance);
        Assert.Null(Assert.Single(onTime.Announcements).LateBy);
        Assert.Equal(TimeSpan.FromMinutes(3), Assert.Single(late.Announcements).LateBy);
        Assert.Null(ThresholdAnnouncements.LateBy(Due, Due.AddSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(5.001), ThresholdAnnouncements.LateBy(Due, Due.AddSeconds(5.001)));
    }

    [Fact]
    public void A_warning_reached_after_its_clock_stopped_is_due_when_it_fell()
    {
        var unmet = Warning with { DueAt = null };

        Assert.Equal(unmet.At, Assert.Single(Plan(Report(ClockState.Running, unmet), unmet.At).Announcements).DueAt);
    }

    [Fact]
    public void Over_a_real_report_a_missed_first_response_announces_its_warning_and_its_breach_once()
    {
        var policy = DefaultPolicy.Create() with { WarningPercents = [75] };
        var report = ClockEngine.Evaluate([new CaseOpened(Opened)], policy.For(Severity.S1, CustomerTier.Standard), policy, "UTC", Opened.AddMinutes(16));

        var plan = ThresholdAnnouncements.Plan(report, [], Opened.AddMinutes(16));

        Assert.Equal(
            [
                new Announcement(ClockKind.FirstResponse, ThresholdKind.Warning, 75, Due, Opened.AddMinutes(11.25), TimeSpan.FromMinutes(4.75)),
                new Announcement(ClockKind.FirstResponse, ThresholdKind.Breach, 100, Due, Due, TimeSpan.FromMinutes(1)),
            ],
            plan.Announcements);
    }

    [Fact]
    public void Over_a_real_report_an_acknowledgement_after_the_warning_silences_it()
    {
        var policy = DefaultPolicy.Create() with { WarningPercents = [75] };
        ClockEvent[] history = [new CaseOpened(Opened), new FirstResponded(Opened.AddMinutes(12))];
        var report = ClockEngine.Evaluate(history, policy.For(Severity.S1, CustomerTier.Standard), policy, "UTC", Opened.AddMinutes(13));

        var plan = ThresholdAnnouncements.Plan(report, [], Opened.AddMinutes(13));

        Assert.Empty(plan.Announcements);
        Assert.Contains("FirstResponse:0:75", plan.Announced);
    }

    [Fact]
    public void Re_planned_under_a_stricter_policy_only_thresholds_not_yet_announced_are_news_and_each_once()
    {
        var lenient = DefaultPolicy.Create() with { WarningPercents = [50, 75] };
        var strict = lenient with
        {
            Targets = lenient.Targets.ToDictionary(pair => pair.Key, pair => pair.Key == Severity.S1
                ? pair.Value with { FirstResponse = pair.Value.FirstResponse with { Duration = TimeSpan.FromMinutes(8) } }
                : pair.Value),
        };
        var now = Opened.AddMinutes(8);
        var before = ThresholdAnnouncements.Plan(
            ClockEngine.Evaluate([new CaseOpened(Opened)], lenient.For(Severity.S1, CustomerTier.Standard), lenient, "UTC", now), [], now);

        var after = ThresholdAnnouncements.Plan(
            ClockEngine.Evaluate([new CaseOpened(Opened)], strict.For(Severity.S1, CustomerTier.Standard), strict, "UTC", now), before.Announced, now);
        var again = ThresholdAnnouncements.Plan(
            ClockEngine.Evaluate([new CaseOpened(Opened)], strict.For(Severity.S1, CustomerTier.Standard), strict, "UTC", now), after.Announced, now);

        Assert.Equal([50], before.Announcements.Select(announcement => announcement.PercentElapsed)); // 7.5 of 15 minutes
        Assert.Equal([(75, ThresholdKind.Warning), (100, ThresholdKind.Breach)],
            after.Announcements.Where(announcement => announcement.Clock == ClockKind.FirstResponse).Select(announcement => (announcement.PercentElapsed, announcement.Kind)));
        Assert.Empty(again.Announcements);
    }
}
