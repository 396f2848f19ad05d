using EscalationPlatform.Contracts;
using Insights.Domain;
using static Insights.UnitTests.History;

namespace Insights.UnitTests;

/// <summary>How one escalation's history becomes the facts insights counts (SPEC section 8).</summary>
public sealed class CaseSummariesTests
{
    private static readonly InsightSettings Settings = InsightSettings.Default;

    private static CaseSummary Summarise(History history) => CaseSummaries.Summarise(history.Record, history.Entries, Settings);

    [Fact]
    public void Time_to_acknowledge_counts_from_the_first_offer_to_the_acknowledgement()
    {
        var summary = Summarise(Offered().Move(14, "acknowledged", EscalationStatus.Acknowledged, ActorKind.Person));

        Assert.Equal(At(2), summary.FirstOfferedAt);
        Assert.Equal(At(14), summary.AcknowledgedAt);
        Assert.Equal(TimeSpan.FromMinutes(12), summary.TimeToAcknowledge);
    }

    [Fact]
    public void An_offer_that_moves_up_the_policy_still_counts_from_the_first_offer()
    {
        var summary = Summarise(Offered().Note(17, "offer-moved", ActorKind.Service).Move(20, "acknowledged", EscalationStatus.Acknowledged, ActorKind.Person));

        Assert.Equal(TimeSpan.FromMinutes(18), summary.TimeToAcknowledge);
    }

    [Fact]
    public void A_case_not_acknowledged_has_no_time_to_acknowledge()
    {
        var summary = Summarise(Offered());

        Assert.Null(summary.TimeToAcknowledge);
        Assert.True(summary.Open);
        Assert.Equal(EscalationStatus.Assigned, summary.Record.Status);
        Assert.Equal(At(2), summary.StatusSince);
    }

    [Fact]
    public void Time_to_first_response_is_when_the_first_response_clock_was_met()
    {
        var history = Offered().With(record => record with { Clocks = [Clock(ClockKind.FirstResponse, ClockState.Met, 61, 60, metMinute: 25)] });

        var summary = Summarise(history);

        Assert.Equal(TimeSpan.FromMinutes(25), summary.TimeToFirstResponse);
        Assert.Equal(ClockOutcome.Met, summary.FirstResponse.Outcome);
    }

    [Fact]
    public void Time_in_status_adds_up_each_stay_and_resolution_time_leaves_out_waiting_on_the_customer()
    {
        var history = Offered()
            .Move(10, "acknowledged", EscalationStatus.Acknowledged, ActorKind.Person)
            .Move(20, "action-recorded", EscalationStatus.InProgress, ActorKind.Person)
            .Move(30, "waiting-on-customer", EscalationStatus.WaitingOnCustomer, ActorKind.Person)
            .Move(90, "resumed", EscalationStatus.InProgress, ActorKind.Person)
            .Move(100, "waiting-on-customer", EscalationStatus.WaitingOnCustomer, ActorKind.Person)
            .Move(130, "resumed", EscalationStatus.InProgress, ActorKind.Person)
            .Move(150, "resolved", EscalationStatus.Resolved, ActorKind.Person);

        var summary = Summarise(history);

        Assert.Equal(TimeSpan.FromMinutes(90), summary.TimeInStatus[EscalationStatus.WaitingOnCustomer]);
        Assert.Equal(TimeSpan.FromMinutes(10 + 10 + 20), summary.TimeInStatus[EscalationStatus.InProgress]);
        Assert.Equal(TimeSpan.FromMinutes(8), summary.TimeInStatus[EscalationStatus.Assigned]);
        Assert.Equal(TimeSpan.FromMinutes(150), summary.TimeToResolution);
        Assert.Equal(TimeSpan.FromMinutes(60), summary.TimeToResolutionWorking);
        Assert.False(summary.Open);
    }

    [Fact]
    public void A_reopened_case_counts_its_reopen_and_resolves_at_its_last_resolution()
    {
        var history = Offered()
            .Move(10, "acknowledged", EscalationStatus.Acknowledged, ActorKind.Person)
            .Move(40, "resolved", EscalationStatus.Resolved, ActorKind.Person)
            .Move(60, "reopened", EscalationStatus.Reopened, ActorKind.Partner)
            .Move(70, "action-recorded", EscalationStatus.InProgress, ActorKind.Person)
            .Move(100, "resolved", EscalationStatus.Resolved, ActorKind.Person)
            .Move(200, "closure-confirmed", EscalationStatus.Closed, ActorKind.Partner);

        var summary = Summarise(history);

        Assert.Equal(1, summary.Reopens);
        Assert.True(summary.EverResolved);
        Assert.Equal(At(100), summary.ResolvedAt);
        Assert.Equal(TimeSpan.FromMinutes(100), summary.TimeToResolution);
        Assert.Equal(TimeSpan.FromMinutes(20 + 100), summary.TimeInStatus[EscalationStatus.Resolved]);
    }

    [Fact]
    public void A_reopened_case_that_is_open_again_has_no_resolution_time()
    {
        var history = Offered()
            .Move(40, "resolved", EscalationStatus.Resolved, ActorKind.Person)
            .Move(60, "reopened", EscalationStatus.Reopened, ActorKind.Partner);

        var summary = Summarise(history);

        Assert.Null(summary.TimeToResolution);
        Assert.True(summary.Open);
        Assert.Equal(1, summary.Reopens);
    }

    [Fact]
    public void Handoffs_count_requests_acceptances_the_wait_for_an_answer_and_the_receiving_teams()
    {
        var history = Offered()
            .Move(10, "acknowledged", EscalationStatus.Acknowledged, ActorKind.Person, Payments)
            .Note(20, "handoff-requested", team: Payments)
            .Note(35, "handoff-accepted", team: Platform)
            .Note(50, "handoff-requested", team: Platform)
            .Note(55, "handoff-rejected", team: Platform)
            .Note(60, "handoff-requested", team: Platform)
            .Note(80, "handoff-accepted", team: Payments)
            .Note(90, "handoff-requested", team: Payments)
            .Note(100, "handoff-accepted", team: Platform)
            .With(record => record with { Team = Platform });

        var summary = Summarise(history);

        Assert.Equal(4, summary.HandoffsRequested);
        Assert.Equal(3, summary.HandoffsAccepted);
        Assert.Equal(4, summary.HandoffsAnswered);
        Assert.Equal(TimeSpan.FromMinutes(15 + 5 + 20 + 10), summary.HandoffWait);
        Assert.Equal([Platform, Payments, Platform], summary.HandoffTeams);
        Assert.True(summary.Bouncing(Settings)); // more than 2
        Assert.False(summary.Bouncing(Settings with { BounceAfter = 3 }));
    }

    [Fact]
    public void A_handoff_entry_recorded_before_teams_were_kept_falls_back_to_the_owning_team()
    {
        var history = Offered().Note(20, "handoff-requested").Note(30, "handoff-accepted").With(record => record with { Team = Platform });

        Assert.Equal([Platform], Summarise(history).HandoffTeams);
    }

    [Fact]
    public void The_clocks_are_sla_s_latest_so_a_severity_change_that_re_derived_them_counts_as_re_derived()
    {
        // Triaged S3: first response due at minute 241; raised to S1 at minute 5, sla re-derived the clock to minute 16
        // and it breached there. The record carries the clocks as sla last announced them.
        var history = Offered()
            .Note(5, "severity-changed")
            .With(record => record with
            {
                Severity = Severity.S1,
                Clocks = [Clock(ClockKind.FirstResponse, ClockState.Breached, 16, 15, breachedMinute: 16)],
                Breached = true,
            });

        var summary = Summarise(history);

        Assert.Equal(ClockOutcome.Breached, summary.FirstResponse.Outcome);
        Assert.Equal(At(16), summary.FirstResponse.DueAt);
        Assert.True(summary.FirstResponse.BreachedBy(At(17)));
    }

    [Fact]
    public void A_running_clock_past_its_due_time_is_breached_and_one_close_to_it_is_at_risk()
    {
        var clock = ClockResult.Of([Clock(ClockKind.Resolution, ClockState.Running, 100, 100)], ClockKind.Resolution);

        Assert.False(clock.AtRisk(At(70))); // 30 % left
        Assert.True(clock.AtRisk(At(80))); // 20 % left
        Assert.False(clock.BreachedBy(At(99)));
        Assert.True(clock.BreachedBy(At(100)));
        Assert.False(clock.AtRisk(At(100)));
    }

    [Fact]
    public void A_paused_clock_is_neither_at_risk_nor_breached_by_time()
    {
        var clock = ClockResult.Of([Clock(ClockKind.Resolution, ClockState.Paused, 100, 100)], ClockKind.Resolution);

        Assert.Equal(ClockOutcome.Paused, clock.Outcome);
        Assert.False(clock.AtRisk(At(95)));
        Assert.False(clock.BreachedBy(At(500)));
    }

    [Fact]
    public void A_case_without_a_clock_has_none()
    {
        Assert.Equal(ClockOutcome.None, Summarise(Offered()).Resolution.Outcome);
    }

    [Fact]
    public void An_owned_case_stalls_when_nobody_acted_within_its_update_cadence()
    {
        var history = Offered()
            .Move(10, "acknowledged", EscalationStatus.Acknowledged, ActorKind.Person)
            .Note(30, "action-recorded")
            .Note(40, "sla-warning", ActorKind.Service)
            .With(record => record with { Clocks = [Clock(ClockKind.CustomerUpdate, ClockState.Running, 150, 120)] });

        var summary = Summarise(history);

        Assert.Equal(At(30), summary.LastActivityAt); // sla's note is not somebody acting
        Assert.False(summary.StalledAt(At(150), Settings));
        Assert.True(summary.StalledAt(At(151), Settings));
    }

    [Fact]
    public void Without_a_cadence_the_tenant_s_stall_window_applies_and_waiting_on_the_customer_never_stalls()
    {
        var owned = Summarise(Offered().Move(10, "acknowledged", EscalationStatus.Acknowledged, ActorKind.Person));
        var waiting = Summarise(Offered().Move(10, "waiting-on-customer", EscalationStatus.WaitingOnCustomer, ActorKind.Person));

        Assert.False(owned.StalledAt(At(10 + 24 * 60), Settings));
        Assert.True(owned.StalledAt(At(11 + 24 * 60), Settings));
        Assert.False(owned.StalledAt(At(70), Settings with { StallHours = 1 }));
        Assert.True(owned.StalledAt(At(71), Settings with { StallHours = 1 }));
        Assert.False(waiting.StalledAt(At(10 * 24 * 60), Settings));
    }

    [Fact]
    public void The_same_entries_in_any_order_give_the_same_summary()
    {
        var history = Offered()
            .Move(10, "acknowledged", EscalationStatus.Acknowledged, ActorKind.Person)
            .Move(40, "resolved", EscalationStatus.Resolved, ActorKind.Person);

        var inOrder = Summarise(history);
        var shuffled = CaseSummaries.Summarise(history.Record, history.Entries.Reverse().ToList(), Settings);

        Assert.Equal(inOrder.TimeToResolution, shuffled.TimeToResolution);
        Assert.Equal(inOrder.TimeToAcknowledge, shuffled.TimeToAcknowledge);
        Assert.Equal(inOrder.TimeInStatus, shuffled.TimeInStatus);
    }
}
