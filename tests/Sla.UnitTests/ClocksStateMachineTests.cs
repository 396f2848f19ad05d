using EscalationPlatform.Contracts;
using EscalationPlatform.SagaTesting;
using Microsoft.Extensions.DependencyInjection;
using Sla.Api.Clocks;
using Sla.Api.Policies;
using EscalationPlatform.Web.Configuration;
using Sla.Domain;

namespace Sla.UnitTests;

/// <summary>The clocks saga on MassTransit's test harness, with the default policy (one warning, at 75 %): an S1 (every hour counts) has
/// a first response due in 15 minutes, an update every 30 and resolution in 4 hours, with warnings at 75 %.</summary>
public sealed class ClocksStateMachineTests : IAsyncLifetime
{
    private const string Tenant = "acme";
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FirstResponseWarning = TimeSpan.FromMinutes(11.25);

    private readonly Guid _id = Guid.CreateVersion7();
    private readonly TestPolicies _policies = new();
    private readonly TestTeamZones _teams = new();
    private SagaHarness<ClocksStateMachine, ClocksState> _harness = null!;

    public async ValueTask InitializeAsync() =>
        _harness = await SagaHarness<ClocksStateMachine, ClocksState>.StartAsync<ClocksStateDefinition>(Start, services =>
        {
            services.AddSingleton<ISlaPolicies>(_policies);
            services.AddScoped<ClockKeeper>();
            services.AddSingleton<ITeamZones>(_teams);
        });

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task When_triaged_Should_start_the_clocks_from_submission_promise_the_customer_and_wake_at_the_first_threshold()
    {
        await _harness.PublishAsync(Triaged(submittedAt: Start - TimeSpan.FromMinutes(5)));

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Tracking));
        var clocks = (await _harness.InstanceAsync(_id))!;
        Assert.Equal((EscalationStatus.Triaged, CustomerTier.Standard), (clocks.Status, clocks.Tier));
        Assert.Equal([new ClockHistoryEntry(ClockEventKind.Opened, Start - TimeSpan.FromMinutes(5))], clocks.History);
        var commitment = Assert.Single(await Commitments());
        Assert.Equal((EscalationStatus.Triaged, Start + TimeSpan.FromMinutes(25), Start + TimeSpan.FromMinutes(235), (string?)null),
            (commitment.Status, commitment.NextUpdateDue, commitment.ResolutionDue, commitment.Message));
        Assert.Equal(("ACME-1", "Checkout fails", new CustomerRef("c-1", "Customer", null, "Europe/Berlin"), (Severity?)Severity.S1),
            (commitment.Key, commitment.Title, commitment.Customer, commitment.Severity)); // notification words the customer's email from it alone
        Assert.Equal(
            [
                new SlaClock(ClockKind.FirstResponse, ClockState.Running, Start - TimeSpan.FromMinutes(5), Start + TimeSpan.FromMinutes(10),
                    TimeSpan.FromMinutes(15), null, null, CalendarKind.AlwaysOpen),
                new SlaClock(ClockKind.CustomerUpdate, ClockState.Running, Start - TimeSpan.FromMinutes(5), Start + TimeSpan.FromMinutes(25),
                    TimeSpan.FromMinutes(30), null, null, CalendarKind.AlwaysOpen),
                new SlaClock(ClockKind.Resolution, ClockState.Running, Start - TimeSpan.FromMinutes(5), Start + TimeSpan.FromMinutes(235),
                    TimeSpan.FromHours(4), null, null, CalendarKind.AlwaysOpen),
            ],
            commitment.Clocks);
        Assert.False(commitment.Breached);
        Assert.Equal([(Start - TimeSpan.FromMinutes(5) + FirstResponseWarning).UtcDateTime], _harness.Timers.DueAt<EvaluateClocks>());
        Assert.Empty(await Thresholds());
    }

    [Fact]
    public async Task When_thresholds_fall_due_Should_announce_each_once_and_move_the_timer_to_the_next()
    {
        await _harness.PublishAsync(Triaged());

        Assert.Equal(1, await _harness.AdvanceAsync(FirstResponseWarning));
        var warning = Assert.Single(await Thresholds());
        Assert.Equal((ClockKind.FirstResponse, ThresholdKind.Warning, 75, Start + TimeSpan.FromMinutes(15), (TimeSpan?)null),
            (warning.Clock, warning.Threshold, warning.PercentElapsed, warning.DueAt, warning.AnnouncedLateBy));
        Assert.Equal([(Start + TimeSpan.FromMinutes(15)).UtcDateTime], _harness.Timers.DueAt<EvaluateClocks>());

        Assert.Equal(1, await _harness.AdvanceAsync(TimeSpan.FromMinutes(3.75)));
        var breach = (await Thresholds())[^1];
        Assert.Equal((ClockKind.FirstResponse, ThresholdKind.Breach, 100), (breach.Clock, breach.Threshold, breach.PercentElapsed));
        Assert.Equal(2, (await Thresholds()).Count);
        Assert.Equal(["FirstResponse:0:75", "FirstResponse:0:100"], (await _harness.InstanceAsync(_id))!.Announced);
        var commitment = Assert.Single(await Commitments()); // a breach is what time does to a running clock: the threshold says it
        Assert.Equal((ClockState.Running, Start + TimeSpan.FromMinutes(15)),
            commitment.Clocks!.Where(clock => clock.Kind == ClockKind.FirstResponse).Select(clock => (clock.State, clock.DueAt!.Value)).Single());
    }

    [Fact]
    public async Task When_a_timer_fires_late_Should_announce_what_was_passed_and_say_how_late()
    {
        await _harness.PublishAsync(Triaged());

        Assert.Equal(1, await _harness.AdvanceAsync(TimeSpan.FromMinutes(16)));

        var thresholds = await Thresholds();
        Assert.Equal([ThresholdKind.Warning, ThresholdKind.Breach], thresholds.Select(reached => reached.Threshold));
        Assert.Equal([TimeSpan.FromMinutes(4.75), TimeSpan.FromMinutes(1)], thresholds.Select(reached => reached.AnnouncedLateBy));
    }

    [Fact]
    public async Task When_acknowledged_Should_meet_the_first_response_and_never_warn_about_it()
    {
        await _harness.PublishAsync(Triaged());
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged));

        var acknowledged = (await Commitments())[^1];
        Assert.Equal(EscalationStatus.Acknowledged, acknowledged.Status);
        Assert.Equal((ClockState.Met, Start + TimeSpan.FromMinutes(5)),
            acknowledged.Clocks!.Where(clock => clock.Kind == ClockKind.FirstResponse).Select(clock => (clock.State, clock.MetAt!.Value)).Single());
        Assert.Equal([(Start + TimeSpan.FromMinutes(22.5)).UtcDateTime], _harness.Timers.DueAt<EvaluateClocks>()); // the update cadence's warning
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.DoesNotContain(await Thresholds(), reached => reached.Clock == ClockKind.FirstResponse);
    }

    [Fact]
    public async Task When_waiting_on_the_customer_Should_pause_every_running_clock_and_drop_the_timer_until_work_resumes()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged));
        _harness.Time.Advance(TimeSpan.FromMinutes(10));
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Acknowledged, EscalationStatus.WaitingOnCustomer));

        Assert.Empty(_harness.Timers.DueAt<EvaluateClocks>());
        var paused = (await Commitments())[^1];
        Assert.Equal((EscalationStatus.WaitingOnCustomer, (DateTimeOffset?)null, (DateTimeOffset?)null), (paused.Status, paused.NextUpdateDue, paused.ResolutionDue));
        Assert.Equal([(ClockKind.CustomerUpdate, ClockState.Paused, (DateTimeOffset?)null), (ClockKind.Resolution, ClockState.Paused, (DateTimeOffset?)null)],
            paused.Clocks!.Where(clock => clock.Kind != ClockKind.FirstResponse).Select(clock => (clock.Kind, clock.State, clock.DueAt)));

        _harness.Time.Advance(TimeSpan.FromHours(1));
        await _harness.PublishAsync(StatusChanged(EscalationStatus.WaitingOnCustomer, EscalationStatus.InProgress));

        var resumed = (await Commitments())[^1];
        Assert.Equal(Start + TimeSpan.FromHours(5), resumed.ResolutionDue); // four hours of target, one of them waiting
        Assert.Single(_harness.Timers.DueAt<EvaluateClocks>());
        Assert.Equal(
            [ClockEventKind.Opened, ClockEventKind.FirstResponded, ClockEventKind.Paused, ClockEventKind.Resumed],
            (await _harness.InstanceAsync(_id))!.History.Select(entry => entry.Kind));
    }

    [Fact]
    public async Task When_a_customer_update_is_posted_Should_start_the_update_cadence_over_and_pass_the_message_on()
    {
        await _harness.PublishAsync(Triaged());
        _harness.Time.Advance(TimeSpan.FromMinutes(20));
        await _harness.PublishAsync(CustomerUpdate("We are on it."));

        var commitment = (await Commitments())[^1];
        Assert.Equal(("We are on it.", Start + TimeSpan.FromMinutes(50)), (commitment.Message, commitment.NextUpdateDue));
        Assert.Equal(ClockEventKind.CustomerUpdated, (await _harness.InstanceAsync(_id))!.History[^1].Kind);
    }

    [Theory]
    [InlineData(EscalationStatus.Closed)]
    [InlineData(EscalationStatus.Cancelled)]
    public async Task When_closed_or_cancelled_Should_end_the_clocks_and_their_timer(EscalationStatus end)
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, end));

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Ended));
        Assert.Equal(end, (await Commitments())[^1].Status);
        Assert.Empty(_harness.Timers.DueAt<EvaluateClocks>());
        Assert.Equal(0, await _harness.AdvanceAsync(TimeSpan.FromHours(5)));
        Assert.Empty(await Thresholds());
    }

    [Fact]
    public async Task When_ended_Should_ignore_updates_timers_and_changes_but_a_reopen_which_counts_again()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Resolved, EscalationStatus.Closed));
        var commitments = (await Commitments()).Count;

        await _harness.PublishAsync(CustomerUpdate("Anything else?"));
        await _harness.SendAsync(new EvaluateClocks(_id));
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Closed, EscalationStatus.InProgress));
        Assert.Equal(commitments, (await Commitments()).Count);
        Assert.Equal(nameof(ClocksStateMachine.Ended), (await _harness.InstanceAsync(_id))!.CurrentState);

        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Closed, EscalationStatus.Reopened));

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Tracking));
        Assert.Equal(EscalationStatus.Reopened, (await Commitments())[^1].Status);
        Assert.Single(_harness.Timers.DueAt<EvaluateClocks>());
    }

    [Fact]
    public async Task When_another_tenant_reports_for_the_id_Should_change_nothing()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Cancelled, tenant: "globex"));
        await _harness.PublishAsync(CustomerUpdate("Hello from elsewhere", tenant: "globex"));

        var clocks = (await _harness.InstanceAsync(_id))!;
        Assert.Equal((nameof(ClocksStateMachine.Tracking), EscalationStatus.Triaged, 1), (clocks.CurrentState, clocks.Status, clocks.History.Count));
        Assert.Single(await Commitments());
    }

    [Fact]
    public async Task When_a_status_change_is_repeated_or_older_than_the_known_one_Should_ignore_it()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Submitted, EscalationStatus.Triaged)); // the status the clocks started in
        _harness.Time.Advance(TimeSpan.FromMinutes(10));
        var acknowledged = StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged);
        await _harness.PublishAsync(acknowledged);
        await _harness.PublishAsync(acknowledged); // redelivered
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Triaged, EscalationStatus.Assigned) with { At = Start + TimeSpan.FromMinutes(5) }); // older, late

        var clocks = (await _harness.InstanceAsync(_id))!;
        Assert.Equal((EscalationStatus.Acknowledged, (Start + TimeSpan.FromMinutes(10)).UtcDateTime), (clocks.Status, clocks.StatusAt));
        Assert.Equal([ClockEventKind.Opened, ClockEventKind.FirstResponded], clocks.History.Select(entry => entry.Kind));
        Assert.Equal(2, (await Commitments()).Count);
    }

    [Fact]
    public async Task When_a_change_leaves_the_customer_promise_as_it_was_Should_not_announce_it_again()
    {
        await _harness.PublishAsync(Triaged());
        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Triaged, EscalationStatus.Assigned)); // an older intake's report of the first offer

        Assert.Equal(EscalationStatus.Assigned, (await _harness.InstanceAsync(_id))!.Status);
        Assert.Single(await Commitments());

        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged)); // news to the customer
        Assert.Equal([EscalationStatus.Triaged, EscalationStatus.Acknowledged], (await Commitments()).Select(commitment => commitment.Status));
    }

    [Fact]
    public async Task When_triaged_again_Should_keep_the_clocks_that_run()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(Triaged() with { Severity = Severity.S4 });

        Assert.Equal((int)Severity.S1, (await _harness.InstanceAsync(_id))!.Severity);
        Assert.Single(await Commitments());
        Assert.Single(_harness.Timers.DueAt<EvaluateClocks>());
    }

    [Fact]
    public async Task When_the_severity_changes_Should_derive_the_clocks_again_under_its_targets_from_the_same_start()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(10));

        await _harness.PublishAsync(SeverityChanged(Severity.S1, Severity.S2));

        Assert.Equal((int)Severity.S2, (await _harness.InstanceAsync(_id))!.Severity);
        var commitment = (await Commitments())[^1];
        Assert.Equal((Severity?)Severity.S2, commitment.Severity);
        var firstResponse = commitment.Clocks!.Single(clock => clock.Kind == ClockKind.FirstResponse);
        Assert.Equal((Start, TimeSpan.FromHours(1), Start + TimeSpan.FromHours(1)), (firstResponse.StartedAt, firstResponse.Target, firstResponse.DueAt));
        Assert.Equal(Start + TimeSpan.FromHours(2), commitment.NextUpdateDue);
        Assert.Equal([(Start + TimeSpan.FromMinutes(45)).UtcDateTime], _harness.Timers.DueAt<EvaluateClocks>()); // 75 % of the S2 first response
    }

    [Fact]
    public async Task When_another_tenant_or_the_same_severity_is_reported_Should_change_nothing()
    {
        await _harness.PublishAsync(Triaged());

        await _harness.PublishAsync(SeverityChanged(Severity.S1, Severity.S3) with { TenantId = "other" });
        await _harness.PublishAsync(SeverityChanged(Severity.S2, Severity.S1));

        Assert.Equal((int)Severity.S1, (await _harness.InstanceAsync(_id))!.Severity);
        Assert.Single(await Commitments());
    }

    [Fact]
    public async Task When_events_arrive_before_the_triage_Should_discard_them_and_start_with_the_triage()
    {
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged));
        await _harness.PublishAsync(CustomerUpdate("Early"));

        Assert.Null(await _harness.InstanceAsync(_id));

        await _harness.PublishAsync(Triaged());
        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Tracking));
        Assert.Single((await _harness.InstanceAsync(_id))!.History);
    }

    [Fact]
    public async Task When_a_strategic_customer_is_triaged_Should_halve_the_response_targets()
    {
        await _harness.PublishAsync(Triaged(tier: CustomerTier.Strategic));

        Assert.Equal(CustomerTier.Strategic, (await _harness.InstanceAsync(_id))!.Tier);
        Assert.Equal([(Start + FirstResponseWarning / 2).UtcDateTime], _harness.Timers.DueAt<EvaluateClocks>());
    }

    [Fact]
    public async Task When_a_stricter_policy_is_published_Should_move_the_timer_announce_the_warning_now_due_once_and_say_what_moved()
    {
        await _harness.PublishAsync(Triaged());
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        var stricter = _policies.Publish(WithFirstResponse(_policies.Current, TimeSpan.FromMinutes(6)));

        await _harness.PublishAsync(new ReplanClocks(_id, Tenant, stricter, stricter - 1, "Maria", "first response in six minutes"));
        await _harness.PublishAsync(new ReplanClocks(_id, Tenant, stricter, stricter - 1, "Maria", "first response in six minutes")); // redelivered

        var warning = Assert.Single(await Thresholds());
        Assert.Equal((ClockKind.FirstResponse, 75, Start + TimeSpan.FromMinutes(6)), (warning.Clock, warning.PercentElapsed, warning.DueAt));
        Assert.Equal([(Start + TimeSpan.FromMinutes(6)).UtcDateTime], _harness.Timers.DueAt<EvaluateClocks>());
        var changed = (await TargetsChanged())[0];
        Assert.Equal((2, "Maria", "first response in six minutes"), (changed.PolicyVersion, changed.PublishedBy, changed.Reason));
        Assert.Equal([new SlaClockChange(ClockKind.FirstResponse, Start + TimeSpan.FromMinutes(15), Start + TimeSpan.FromMinutes(6))], changed.Changes);
        Assert.Equal(Start + TimeSpan.FromMinutes(6), changed.Clocks.Single(clock => clock.Kind == ClockKind.FirstResponse).DueAt);
    }

    [Fact]
    public async Task When_a_policy_is_rolled_back_Should_move_the_timer_back_and_not_announce_again_what_was_announced()
    {
        await _harness.PublishAsync(Triaged());
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        var stricter = _policies.Publish(WithFirstResponse(_policies.Current, TimeSpan.FromMinutes(6)));
        await _harness.PublishAsync(new ReplanClocks(_id, Tenant, stricter, stricter - 1, "Maria", "stricter"));
        var rolledBack = _policies.Publish(WithFirstResponse(_policies.Current, TimeSpan.FromMinutes(15)));

        await _harness.PublishAsync(new ReplanClocks(_id, Tenant, rolledBack, rolledBack - 1, "Maria", "back to version 1"));

        Assert.Equal([(Start + FirstResponseWarning).UtcDateTime], _harness.Timers.DueAt<EvaluateClocks>());
        Assert.Equal([Start + TimeSpan.FromMinutes(15)], (await TargetsChanged())[^1].Changes.Select(change => change.DueAfter));
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(7)); // past the 75 % of the old target: announced already
        Assert.Single(await Thresholds());
    }

    [Fact]
    public async Task When_a_policy_leaves_the_targets_of_a_case_as_they_were_Should_not_tell_its_record()
    {
        await _harness.PublishAsync(Triaged());
        var other = _policies.Publish(_policies.Current with
        {
            Targets = _policies.Current.Targets.ToDictionary(pair => pair.Key, pair => pair.Key == Severity.S4
                ? pair.Value with { Resolution = pair.Value.Resolution with { Duration = TimeSpan.FromDays(20) } }
                : pair.Value),
        });

        await _harness.PublishAsync(new ReplanClocks(_id, Tenant, other, other - 1, "Maria", "S4 only"));

        Assert.Empty(await TargetsChanged());
        Assert.Equal([(Start + FirstResponseWarning).UtcDateTime], _harness.Timers.DueAt<EvaluateClocks>());
    }

    [Fact]
    public async Task When_a_calendar_counts_in_the_teams_zone_Should_follow_the_owning_teams_zone_and_ask_nobody_otherwise()
    {
        await _harness.PublishAsync(Triaged());
        Assert.Equal(0, _teams.Asked); // the default policy counts in the customer's zone

        var teamHours = _policies.Publish(_policies.Current with
        {
            Calendars = [.. _policies.Current.Calendars.Select(calendar => calendar.Kind == CalendarKind.BusinessHours ? calendar with { TimeZone = "team" } : calendar)],
            Targets = _policies.Current.Targets.ToDictionary(pair => pair.Key, pair => pair.Key == Severity.S1
                ? pair.Value with { Resolution = new ClockTarget(TimeSpan.FromHours(4), DefaultPolicy.BusinessHoursCalendar) }
                : pair.Value),
        });
        _teams.Zone = "America/New_York";
        await _harness.PublishAsync(new ReplanClocks(_id, Tenant, teamHours, teamHours - 1, "Maria", "business hours of the owning team"));

        Assert.Equal("America/New_York", (await _harness.InstanceAsync(_id))!.TeamTimeZone);
        var resolution = (await TargetsChanged())[^1].Clocks.Single(clock => clock.Kind == ClockKind.Resolution);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.FromHours(-5)), resolution.DueAt); // 09:00-13:00 in New York
    }

    private async Task<List<SlaTargetsChanged>> TargetsChanged() =>
        [.. await _harness.PublishedAsync<SlaTargetsChanged>(changed => changed.EscalationId == _id)];

    private async Task<List<CustomerCommitmentUpdated>> Commitments() =>
        [.. await _harness.PublishedAsync<CustomerCommitmentUpdated>(commitment => commitment.EscalationId == _id)];

    private async Task<List<SlaThresholdReached>> Thresholds() =>
        [.. await _harness.PublishedAsync<SlaThresholdReached>(reached => reached.EscalationId == _id)];

    private EscalationTriaged Triaged(DateTimeOffset? submittedAt = null, CustomerTier tier = CustomerTier.Standard) => new()
    {
        EscalationId = _id,
        TenantId = Tenant,
        Key = "ACME-1",
        Title = "Checkout fails",
        Severity = Severity.S1,
        Facts = new()
        {
            IssueType = IssueType.Technical,
            Customer = new() { Id = "c-1", Name = "Customer", Tier = tier, TimeZone = "Europe/Berlin" },
            Impact = new(),
            Urgency = new(),
            Context = new(),
            SubmittedAt = submittedAt ?? Start,
        },
        TriagedAt = Start,
    };

    private EscalationSeverityChanged SeverityChanged(Severity from, Severity to) => new()
    {
        EscalationId = _id,
        TenantId = Tenant,
        Key = "ACME-1",
        Title = "Checkout fails",
        From = from,
        To = to,
        Actor = new(ActorKind.Person, "mia", "Mia"),
        Reason = "new facts",
        At = _harness.Time.GetUtcNow(),
    };

    private EscalationStatusChanged StatusChanged(EscalationStatus from, EscalationStatus to, string tenant = Tenant) => new()
    {
        EscalationId = _id,
        TenantId = tenant,
        Key = "ACME-1",
        From = from,
        To = to,
        Actor = new(ActorKind.Person, "ana", "Ana"),
        At = _harness.Time.GetUtcNow(),
    };

    private CustomerUpdatePosted CustomerUpdate(string message, string tenant = Tenant) => new()
    {
        EscalationId = _id,
        TenantId = tenant,
        Key = "ACME-1",
        Message = message,
        Actor = new(ActorKind.Person, "ana", "Ana"),
        At = _harness.Time.GetUtcNow(),
    };

    private static SlaPolicy WithFirstResponse(SlaPolicy policy, TimeSpan target) => policy with
    {
        Targets = policy.Targets.ToDictionary(pair => pair.Key, pair => pair.Key == Severity.S1
            ? pair.Value with { FirstResponse = pair.Value.FirstResponse with { Duration = target } }
            : pair.Value),
    };

    /// <summary>The owning team's zone, as routing would say it (none until a test sets one).</summary>
    private sealed class TestTeamZones : ITeamZones
    {
        public string? Zone { get; set; }

        public int Asked { get; private set; }

        public Task<string?> ZoneOfAsync(string tenantId, Guid escalationId, CancellationToken cancellationToken)
        {
            Asked++;
            return Task.FromResult(Zone);
        }
    }

    /// <summary>Every tenant has the default policy with a single 75 % warning, as its version 1; a test may publish more.</summary>
    private sealed class TestPolicies : ISlaPolicies
    {
        private readonly List<SlaPolicy> _versions = [DefaultPolicy.Create() with { WarningPercents = [75] }];

        public SlaPolicy Current => _versions[^1];

        public int Publish(SlaPolicy policy)
        {
            _versions.Add(policy);
            return _versions.Count;
        }

        public Task<Published<SlaPolicy>> CurrentAsync(string tenantId, CancellationToken cancellationToken, int atLeast = 0) =>
            Task.FromResult(Of(_versions.Count));

        public Task<Published<SlaPolicy>?> VersionAsync(string tenantId, int version, CancellationToken cancellationToken) =>
            Task.FromResult(version >= 1 && version <= _versions.Count ? Of(version) : null);

        private Published<SlaPolicy> Of(int version) => new(version, _versions[version - 1], [], DateTimeOffset.UnixEpoch, "Maria", null, null);
    }
}
