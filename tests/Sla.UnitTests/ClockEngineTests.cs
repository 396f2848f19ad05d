using EscalationPlatform.Contracts;
using Sla.Domain;

namespace Sla.UnitTests;

public sealed class ClockEngineTests
{
    /// <summary>The default policy with one warning, at 75 %, so that each test follows one threshold.</summary>
    private static readonly SlaPolicy Policy = DefaultPolicy.Create() with { WarningPercents = [75] };
    private static readonly DateTimeOffset Opened = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero); // a Tuesday
    private const string Utc = "UTC";

    private static ClockReport Evaluate(Severity severity, DateTimeOffset now, CustomerTier tier = CustomerTier.Standard, params ClockEvent[] events) =>
        ClockEngine.Evaluate([new CaseOpened(Opened), .. events], Policy.For(severity, tier), Policy, Utc, now);

    private static ClockStatus Clock(ClockReport report, ClockKind kind) => report.Clocks.Single(clock => clock.Kind == kind);

    [Fact]
    public void A_new_S1_runs_every_clock_from_submission_around_the_clock()
    {
        var report = Evaluate(Severity.S1, Opened.AddMinutes(5));

        Assert.Equal(Opened.AddMinutes(15), Clock(report, ClockKind.FirstResponse).DueAt);
        Assert.Equal(Opened.AddMinutes(30), Clock(report, ClockKind.CustomerUpdate).DueAt);
        Assert.Equal(Opened.AddHours(4), Clock(report, ClockKind.Resolution).DueAt);
        Assert.All(report.Clocks, clock => Assert.Equal(ClockState.Running, clock.State));
        Assert.Equal(Opened.AddMinutes(15 * 0.75), report.NextThresholdAt);
    }

    [Fact]
    public void A_strategic_customer_gets_the_response_targets_halved_but_not_resolution()
    {
        var report = Evaluate(Severity.S1, Opened, CustomerTier.Strategic);

        Assert.Equal(Opened.AddMinutes(7.5), Clock(report, ClockKind.FirstResponse).DueAt);
        Assert.Equal(Opened.AddMinutes(15), Clock(report, ClockKind.CustomerUpdate).DueAt);
        Assert.Equal(Opened.AddHours(4), Clock(report, ClockKind.Resolution).DueAt);
    }

    [Fact]
    public void Acknowledging_stops_the_first_response_clock_as_met()
    {
        var report = Evaluate(Severity.S1, Opened.AddHours(1), CustomerTier.Standard, new FirstResponded(Opened.AddMinutes(5)));

        var firstResponse = Clock(report, ClockKind.FirstResponse);
        Assert.Equal(ClockState.Met, firstResponse.State);
        Assert.Equal(Opened.AddMinutes(5), firstResponse.MetAt);
        Assert.DoesNotContain(report.Reached, threshold => threshold.Clock == ClockKind.FirstResponse);
    }

    [Fact]
    public void Warnings_and_the_breach_are_reported_once_reached_and_the_next_one_is_scheduled()
    {
        var report = Evaluate(Severity.S1, Opened.AddMinutes(16));

        Assert.Equal(["FirstResponse:0:75", "FirstResponse:0:100"], report.Reached.Select(threshold => threshold.Key));
        Assert.Equal(ClockState.Breached, Clock(report, ClockKind.FirstResponse).State);
        Assert.Equal(Opened.AddMinutes(15), Clock(report, ClockKind.FirstResponse).BreachedAt);
        Assert.Equal(Opened.AddMinutes(22.5), report.NextThresholdAt); // 75 % of the 30-minute update cadence
        Assert.True(report.Breached);
    }

    [Fact]
    public void Waiting_on_the_customer_pauses_resolution_and_resuming_excludes_the_paused_time()
    {
        var pause = new Paused(Opened.AddHours(1));
        var resume = new Resumed(Opened.AddHours(3));

        var whilePaused = Evaluate(Severity.S1, Opened.AddHours(2), CustomerTier.Standard, new FirstResponded(Opened.AddMinutes(1)), pause);
        var afterResume = Evaluate(Severity.S1, Opened.AddHours(3.5), CustomerTier.Standard, new FirstResponded(Opened.AddMinutes(1)), pause, resume);

        Assert.Equal(ClockState.Paused, Clock(whilePaused, ClockKind.Resolution).State);
        Assert.Null(Clock(whilePaused, ClockKind.Resolution).DueAt); // no due time while nothing counts
        Assert.Equal(ClockState.Running, Clock(afterResume, ClockKind.Resolution).State);
        Assert.Equal(Opened.AddHours(6), Clock(afterResume, ClockKind.Resolution).DueAt);
        Assert.Equal(TimeSpan.FromHours(2), Clock(afterResume, ClockKind.Resolution).Paused);
        Assert.Equal(TimeSpan.FromHours(1.5), Clock(afterResume, ClockKind.Resolution).Elapsed);
    }

    [Fact]
    public void A_pause_spanning_a_weekend_shifts_a_business_hours_target_by_the_business_hours_missed()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
        var events = new ClockEvent[]
        {
            new CaseOpened(friday),
            new FirstResponded(friday.AddMinutes(10)),
            new Paused(friday.AddMinutes(30)),
            new Resumed(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero)),
        };

        var report = ClockEngine.Evaluate(events, Policy.For(Severity.S3, CustomerTier.Standard), Policy, Utc, friday.AddDays(4));

        // 24 business hours: half an hour on Friday, then from Monday 11:00: 6 + 8 + 8 hours and 1.5 on Thursday.
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero), Clock(report, ClockKind.Resolution).DueAt);
    }

    [Fact]
    public void Each_customer_update_starts_a_new_update_cycle()
    {
        var report = Evaluate(Severity.S1, Opened.AddMinutes(25), CustomerTier.Standard, new CustomerUpdated(Opened.AddMinutes(10)));

        var update = Clock(report, ClockKind.CustomerUpdate);
        Assert.Equal(1, update.Cycle);
        Assert.Equal(Opened.AddMinutes(40), update.DueAt);
        Assert.Equal(Opened.AddMinutes(40), report.NextUpdateDue);
        Assert.Equal(ClockState.Met, Clock(report, ClockKind.FirstResponse).State); // a public update is a response
        Assert.DoesNotContain(report.Reached, threshold => threshold.Clock == ClockKind.CustomerUpdate);
    }

    [Fact]
    public void A_first_response_given_after_its_target_stays_breached()
    {
        var report = Evaluate(Severity.S1, Opened.AddMinutes(25), CustomerTier.Standard, new CustomerUpdated(Opened.AddMinutes(20)));

        Assert.Equal(ClockState.Breached, Clock(report, ClockKind.FirstResponse).State);
        Assert.Equal(Opened.AddMinutes(15), Clock(report, ClockKind.FirstResponse).BreachedAt);
    }

    [Fact]
    public void A_missed_update_breaches_that_cycle_and_the_next_update_starts_a_fresh_one()
    {
        var missed = Evaluate(Severity.S1, Opened.AddMinutes(35));
        var caughtUp = Evaluate(Severity.S1, Opened.AddMinutes(40), CustomerTier.Standard, new CustomerUpdated(Opened.AddMinutes(36)));

        Assert.Contains(missed.Reached, threshold => threshold.Key == "CustomerUpdate:0:100");
        Assert.Equal(ClockState.Running, Clock(caughtUp, ClockKind.CustomerUpdate).State);
        Assert.Equal(Opened.AddMinutes(66), Clock(caughtUp, ClockKind.CustomerUpdate).DueAt);
        Assert.Contains(caughtUp.Reached, threshold => threshold.Key == "CustomerUpdate:0:100"); // the missed one stays on record
    }

    [Fact]
    public void Resolving_meets_resolution_and_stops_the_update_cadence()
    {
        var report = Evaluate(Severity.S1, Opened.AddHours(5), CustomerTier.Standard,
            new FirstResponded(Opened.AddMinutes(5)), new CustomerUpdated(Opened.AddMinutes(20)), new Resolved(Opened.AddHours(2)));

        Assert.Equal(ClockState.Met, Clock(report, ClockKind.Resolution).State);
        Assert.Equal(Opened.AddHours(2), Clock(report, ClockKind.Resolution).MetAt);
        Assert.Equal(ClockState.Stopped, Clock(report, ClockKind.CustomerUpdate).State);
        Assert.Null(report.NextThresholdAt);
    }

    [Fact]
    public void Reopening_counts_resolution_again_from_where_it_stopped()
    {
        var report = Evaluate(Severity.S1, Opened.AddHours(3), CustomerTier.Standard,
            new FirstResponded(Opened.AddMinutes(5)), new Resolved(Opened.AddHours(1)), new Reopened(Opened.AddHours(2)));

        Assert.Equal(ClockState.Running, Clock(report, ClockKind.Resolution).State);
        Assert.Equal(Opened.AddHours(5), Clock(report, ClockKind.Resolution).DueAt);
    }

    [Fact]
    public void Reopening_a_closed_case_counts_resolution_again_from_where_it_stopped()
    {
        var report = Evaluate(Severity.S1, Opened.AddHours(2.25), CustomerTier.Standard,
            new FirstResponded(Opened.AddMinutes(5)), new Resolved(Opened.AddHours(1)), new Ended(Opened.AddHours(1.5)), new Reopened(Opened.AddHours(2)));

        Assert.Equal(ClockState.Running, Clock(report, ClockKind.Resolution).State);
        Assert.Equal(Opened.AddHours(5), Clock(report, ClockKind.Resolution).DueAt);
        Assert.Equal(ClockState.Running, Clock(report, ClockKind.CustomerUpdate).State);
        Assert.Equal(Opened.AddHours(2.5), Clock(report, ClockKind.CustomerUpdate).DueAt);
    }

    [Fact]
    public void Cancelling_stops_every_clock()
    {
        var report = Evaluate(Severity.S1, Opened.AddHours(1), CustomerTier.Standard, new Ended(Opened.AddMinutes(5)));

        Assert.All(report.Clocks, clock => Assert.Equal(ClockState.Stopped, clock.State));
        Assert.Empty(report.Reached);
        Assert.Null(report.NextThresholdAt);
    }

    [Fact]
    public void An_S4_has_no_update_cadence()
    {
        Assert.DoesNotContain(Evaluate(Severity.S4, Opened).Clocks, clock => clock.Kind == ClockKind.CustomerUpdate);
    }

    [Fact]
    public void Without_a_submission_there_is_nothing_to_count()
    {
        var report = ClockEngine.Evaluate([], Policy.For(Severity.S1, CustomerTier.Standard), Policy, Utc, Opened);

        Assert.Empty(report.Clocks);
        Assert.Null(report.NextThresholdAt);
    }
}
