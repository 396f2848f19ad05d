using EscalationPlatform.Contracts;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

public sealed class LifecycleEventsTests
{
    private static readonly EscalationState Case = NewCase();

    public static EscalationAssessed Assessment(AssessmentOutcome outcome, Severity severity = Severity.S2, bool handoffIncomplete = false, string tenant = Tenant) => new()
    {
        EscalationId = Case.Id,
        TenantId = tenant,
        Severity = severity,
        Rules = [new FiredRule("outage-many", severity, "Many customers are down")],
        MissingFacts = outcome == AssessmentOutcome.Triaged && !handoffIncomplete ? [] : [new MissingFact("logs", "Log links"), new MissingFact("repro", "Reproduction steps")],
        Outcome = outcome,
        HandoffIncomplete = handoffIncomplete,
        MatrixVersion = 4,
        AssessedAt = Now,
    };

    public static EscalationOffered Offer(OfferLevel level, Person offeredTo, Person? previously = null, string tenant = Tenant) => new()
    {
        EscalationId = Case.Id,
        TenantId = tenant,
        Severity = Severity.S3,
        Team = new TeamRef("t-payments", "Payments"),
        OfferedTo = Member(offeredTo),
        Owner = Member(Owner),
        Backup = Member(Backup),
        TeamLead = Member(Lead),
        Level = level,
        RespondBy = new DateTimeOffset(2026, 11, 29, 10, 5, 0, TimeSpan.FromHours(1)),
        PreviouslyOfferedTo = previously is null ? null : Member(previously),
        Reason = level == OfferLevel.Owner ? "round robin in Payments" : "no acknowledgement within 5 minutes",
        At = Now,
    };

    public static EscalationUnroutable Unroutable(TeamRef? team = null, string tenant = Tenant) => new()
    {
        EscalationId = Case.Id,
        TenantId = tenant,
        Severity = Severity.S2,
        Reason = "no routing rule matches and no team takes technical issues",
        Team = team,
        TeamLead = team is null ? null : Member(Lead),
        At = Now,
        Key = Case.Key,
        Title = Case.Title,
    };

    public static SlaThresholdReached Threshold(ThresholdKind kind, int percent, TimeSpan? lateBy = null, string tenant = Tenant) => new()
    {
        EscalationId = Case.Id,
        TenantId = tenant,
        Clock = ClockKind.FirstResponse,
        Threshold = kind,
        PercentElapsed = percent,
        Severity = Severity.S2,
        DueAt = new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.Zero),
        ReachedAt = Now,
        AnnouncedLateBy = lateBy,
    };

    public static CustomerCommitmentUpdated Commitment(DateTimeOffset at, DateTimeOffset? nextUpdate, DateTimeOffset? resolutionDue = null, string tenant = Tenant,
        IReadOnlyList<SlaClock>? clocks = null, bool breached = false) => new()
    {
        EscalationId = Case.Id,
        TenantId = tenant,
        Status = InProgress,
        NextUpdateDue = nextUpdate,
        ResolutionDue = resolutionDue,
        At = at,
        Clocks = clocks,
        Breached = breached,
    };

    public static SlaClock Clock(ClockKind kind, ClockState state, DateTimeOffset? due) =>
        new(kind, state, Now.AddHours(-1), due, TimeSpan.FromHours(4), null, null, CalendarKind.AlwaysOpen);

    private static MemberRef Member(Person person) => new(person.Id, person.Name, $"{person.Id}@acme.example");

    [Theory]
    [InlineData(Submitted)]
    [InlineData(NeedsInformation)]
    public void A_triaged_assessment_of_a_new_or_waiting_case_triages_it_and_announces_it_once(EscalationStatus status)
    {
        var decision = LifecycleEvents.Assessed(In(status), Assessment(AssessmentOutcome.Triaged), Now);

        Assert.Null(decision.Refusal);
        Assert.Equal(Triaged, decision.State.Status);
        Assert.Equal(new StatusMove(status, Triaged), decision.Moved);
        var note = Assert.Single(decision.Timeline);
        Assert.Equal(new TimelineNote(Actors.Triage, "triaged", "S2 by matrix v4", "outage-many (S2): Many customers are down", status, Triaged), note);
        Assert.Equal((Severity?)Severity.S2, decision.State.Severity);
        Assert.Equal(4, decision.State.MatrixVersion);
        Assert.Empty(decision.State.MissingFacts);
        var announced = Assert.IsType<EscalationTriaged>(Assert.Single(decision.Messages)); // it is the status change: no EscalationStatusChanged beside it
        Assert.Equal(Facts, announced.Facts);
        Assert.Equal((Case.Id, Tenant, "ESC-000001", "Checkout fails", Severity.S2, Now), (announced.EscalationId, announced.TenantId, announced.Key, announced.Title, announced.Severity, announced.TriagedAt));
        Assert.Equal((status, "outage-many (S2): Many customers are down"), (announced.From, announced.Reason));
    }

    [Fact]
    public void An_S1_routed_with_facts_missing_is_triaged_and_flagged_handoff_incomplete()
    {
        var decision = LifecycleEvents.Assessed(NewCase(), Assessment(AssessmentOutcome.Triaged, Severity.S1, handoffIncomplete: true), Now);

        Assert.Equal(["triaged", "handoff-incomplete"], decision.Whats());
        Assert.Equal("Missing: Log links, Reproduction steps", decision.Timeline[1].Detail);
        Assert.Equal("S1 is routed at once; the owner gathers what is missing", decision.Timeline[1].Reason);
        Assert.True(decision.State.HandoffIncomplete);
        Assert.True(decision.Single<EscalationTriaged>().HandoffIncomplete);
    }

    [Fact]
    public void A_signal_of_the_first_assessment_is_noted_for_the_people_on_the_case_and_changes_nothing_else()
    {
        var signal = "Acme escalates repeatedly: 3 escalations within 30 days (the newest on 2026-11-28)";
        var decision = LifecycleEvents.Assessed(NewCase(), Assessment(AssessmentOutcome.Triaged) with { Signals = [signal] }, Now);
        var again = LifecycleEvents.Assessed(In(InProgress), Assessment(AssessmentOutcome.Triaged) with { Signals = [signal] }, Now);

        Assert.Equal(["repeat-customer", "triaged"], decision.Whats());
        Assert.Equal(signal, decision.Timeline[0].Detail);
        Assert.Equal((Severity?)Severity.S2, decision.State.Severity);
        Assert.DoesNotContain("repeat-customer", again.Whats()); // told once, when the case arrives
    }

    [Fact]
    public void A_new_case_missing_facts_needs_information_naming_them_and_the_checklist()
    {
        var decision = LifecycleEvents.Assessed(NewCase(), Assessment(AssessmentOutcome.NeedsInformation), Now);

        Assert.Equal(NeedsInformation, decision.State.Status);
        var note = Assert.Single(decision.Timeline);
        Assert.Equal(("needs-information", "Missing: Log links, Reproduction steps"), (note.What, note.Detail));
        Assert.Equal("the technical checklist requires these facts before the case can be owned (S2 by matrix v4)", note.Reason);
        Assert.Equal(["logs", "repro"], decision.State.MissingFacts.Select(fact => fact.Id));
        Assert.IsType<EscalationStatusChanged>(Assert.Single(decision.Messages));
    }

    [Fact]
    public void A_case_still_missing_facts_stays_waiting_and_says_so()
    {
        var decision = LifecycleEvents.Assessed(In(NeedsInformation), Assessment(AssessmentOutcome.NeedsInformation), Now);

        Assert.Equal(NeedsInformation, decision.State.Status);
        Assert.Null(decision.Moved);
        Assert.Equal(["still-needs-information"], decision.Whats());
        Assert.Empty(decision.Messages);
    }

    [Theory]
    [InlineData(Triaged)]
    [InlineData(Assigned)]
    [InlineData(InProgress)]
    [InlineData(Reopened)]
    public void A_reassessment_of_an_owned_case_changes_its_severity_without_moving_it_and_tells_routing_and_sla(EscalationStatus status)
    {
        var decision = LifecycleEvents.Assessed(In(status), Assessment(AssessmentOutcome.Triaged, Severity.S1), Now);

        Assert.Equal(status, decision.State.Status);
        var note = Assert.Single(decision.Timeline);
        Assert.Equal(("severity-changed", "S3 -> S1 by matrix v4"), (note.What, note.Detail));
        Assert.Equal((Severity?)Severity.S1, decision.State.Severity);
        var changed = Assert.IsType<EscalationSeverityChanged>(Assert.Single(decision.Messages));
        Assert.Equal((Severity.S3, Severity.S1, Actors.Triage), (changed.From, changed.To, changed.Actor));
    }

    [Fact]
    public void A_severity_a_person_set_stands_against_a_reassessment_which_notes_what_triage_would_decide()
    {
        var decision = LifecycleEvents.Assessed(In(InProgress) with { Severity = Severity.S1, SeveritySetBy = "Mia Manager" },
            Assessment(AssessmentOutcome.Triaged, Severity.S3), Now);

        Assert.Equal((Severity?)Severity.S1, decision.State.Severity);
        Assert.Equal(("reassessed", "S3 by matrix v4; S1 set by Mia Manager stands"), (decision.Timeline[0].What, decision.Timeline[0].Detail));
        Assert.Empty(decision.Messages);
    }

    [Fact]
    public void A_reassessment_at_the_same_severity_is_noted_as_such()
    {
        var decision = LifecycleEvents.Assessed(In(InProgress), Assessment(AssessmentOutcome.Triaged, Severity.S3), Now);

        Assert.Equal(["reassessed"], decision.Whats());
        Assert.Equal("S3 by matrix v4", decision.Timeline[0].Detail);
    }

    [Theory]
    [InlineData(Resolved)]
    [InlineData(Closed)]
    [InlineData(Cancelled)]
    [InlineData(Deflected)]
    public void An_assessment_of_a_finished_case_changes_nothing(EscalationStatus status)
    {
        var state = In(status);
        var decision = LifecycleEvents.Assessed(state, Assessment(AssessmentOutcome.Triaged, Severity.S1), Now);

        Assert.Equal(RefusalKind.NotApplicable, decision.Refusal?.Kind);
        Assert.Same(state, decision.State);
        Assert.Empty(decision.Timeline);
        Assert.Empty(decision.Messages);
    }

    [Fact]
    public void Events_naming_another_tenants_escalation_are_never_acted_on()
    {
        const string other = "globex-support";
        var decisions = new[]
        {
            LifecycleEvents.Assessed(NewCase(), Assessment(AssessmentOutcome.Triaged, tenant: other), Now),
            LifecycleEvents.Offered(In(Triaged), Offer(OfferLevel.Owner, Owner, tenant: other), Now),
            LifecycleEvents.Unroutable(In(Triaged), Unroutable(tenant: other), Now),
            LifecycleEvents.ThresholdReached(In(InProgress), Threshold(ThresholdKind.Breach, 100, tenant: other), Now),
            LifecycleEvents.CommitmentUpdated(In(InProgress), Commitment(Now, Now.AddHours(1), tenant: other), Now),
            LifecycleEvents.TargetsChanged(In(InProgress), TargetsChanged(tenant: other), Now),
        };

        Assert.All(decisions, decision =>
        {
            Assert.Equal("the event names another tenant's escalation", decision.Refusal?.Reason);
            Assert.Same(decision.Before, decision.State);
            Assert.Empty(decision.Timeline);
            Assert.Empty(decision.Messages);
        });
    }

    [Fact]
    public void The_first_offer_assigns_the_case_names_its_owner_team_backup_and_lead()
    {
        var decision = LifecycleEvents.Offered(In(Triaged), Offer(OfferLevel.Owner, Owner), Now);

        Assert.Equal(Assigned, decision.State.Status);
        Assert.Equal((Owner, Owner, Backup, Lead.Id), (decision.State.Owner, decision.State.OfferedTo, decision.State.Backup, decision.State.TeamLeadId));
        Assert.Equal(new TeamRef("t-payments", "Payments"), decision.State.Team);
        Assert.Equal((OfferLevel?)OfferLevel.Owner, decision.State.OfferLevel);
        Assert.Equal(new DateTime(2026, 11, 29, 9, 5, 0, DateTimeKind.Utc), decision.State.RespondBy);
        Assert.Equal(
            new TimelineNote(Actors.Routing, "offered",
                "Offered to Olga Owner (owner) on Payments; acknowledge by 2026-11-29T09:05:00Z; backup Bert Backup", "round robin in Payments", Triaged, Assigned),
            Assert.Single(decision.Timeline));
        Assert.Empty(decision.Messages); // routing's EscalationOffered announces the move to Assigned
    }

    [Fact]
    public void An_offer_moving_up_the_policy_notes_it_and_keeps_the_owner_and_first_backup()
    {
        var decision = LifecycleEvents.Offered(In(Assigned), Offer(OfferLevel.TeamLead, Lead, previously: Backup), Now);

        Assert.Equal(Assigned, decision.State.Status);
        Assert.Null(decision.Moved);
        Assert.Equal((Owner, Lead, Backup), (decision.State.Owner, decision.State.OfferedTo, decision.State.Backup));
        Assert.Equal((OfferLevel?)OfferLevel.TeamLead, decision.State.OfferLevel);
        var note = Assert.Single(decision.Timeline);
        Assert.Equal(("offer-moved", "Offered to Lea Lead (team-lead) on Payments; acknowledge by 2026-11-29T09:05:00Z; previously offered to Bert Backup"),
            (note.What, note.Detail));
        Assert.Empty(decision.Messages);
    }

    [Theory]
    [InlineData(OfferLevel.Backup, OfferLevel.Owner)]
    [InlineData(OfferLevel.TeamLead, OfferLevel.Owner)]
    [InlineData(OfferLevel.TeamLead, OfferLevel.Backup)]
    public void An_older_offer_arriving_after_the_one_that_replaced_it_changes_nothing(OfferLevel current, OfferLevel late)
    {
        var state = In(Assigned) with { OfferLevel = current, OfferedTo = Lead };

        var decision = LifecycleEvents.Offered(state, Offer(late, Owner), Now);

        Assert.Equal(RefusalKind.NotApplicable, decision.Refusal?.Kind);
        Assert.Equal(Lead, decision.State.OfferedTo);
        Assert.Empty(decision.Timeline);
    }

    [Fact]
    public void The_same_offer_delivered_twice_is_noted_again_without_moving_the_case()
    {
        var once = LifecycleEvents.Offered(In(Triaged), Offer(OfferLevel.Owner, Owner), Now);
        var twice = LifecycleEvents.Offered(once.State, Offer(OfferLevel.Owner, Owner), Now);

        Assert.Equal(Assigned, twice.State.Status);
        Assert.Equal(["offer-moved"], twice.Whats());
        Assert.Empty(twice.Messages);
    }

    [Theory]
    [InlineData(Submitted)]
    [InlineData(NeedsInformation)]
    [InlineData(Acknowledged)]
    [InlineData(InProgress)]
    [InlineData(Resolved)]
    [InlineData(Cancelled)]
    public void An_offer_outside_triaged_or_assigned_changes_nothing(EscalationStatus status)
    {
        var decision = LifecycleEvents.Offered(In(status), Offer(OfferLevel.Backup, Backup), Now);

        Assert.NotNull(decision.Refusal);
        Assert.Equal(status, decision.State.Status);
        Assert.Empty(decision.Timeline);
    }

    [Fact]
    public void A_case_nobody_could_be_offered_stays_triaged_and_says_why_and_who_is_told()
    {
        var decision = LifecycleEvents.Unroutable(In(Triaged), Unroutable(new TeamRef("t-payments", "Payments")), Now);

        Assert.Equal(Triaged, decision.State.Status);
        Assert.Equal("no routing rule matches and no team takes technical issues", decision.State.UnroutableReason);
        Assert.Equal((new TeamRef("t-payments", "Payments"), Lead.Id), (decision.State.Team, decision.State.TeamLeadId)); // the lead may act on it
        Assert.Equal(
            new TimelineNote(Actors.Routing, "unroutable", "Nobody could be offered the case: no routing rule matches and no team takes technical issues",
                "Lea Lead (lead of Payments) and leadership are told"),
            Assert.Single(decision.Timeline));
        Assert.Empty(decision.Messages);
    }

    [Fact]
    public void A_repeat_of_the_policy_offers_a_lower_level_again_and_is_taken_by_its_step()
    {
        var atLead = In(Assigned) with { OfferLevel = OfferLevel.TeamLead, OfferedTo = Lead, OfferStep = 2 };

        var repeat = LifecycleEvents.Offered(atLead, Offer(OfferLevel.Owner, Owner, previously: Lead) with { Step = 3 }, Now);
        var stale = LifecycleEvents.Offered(repeat.State, Offer(OfferLevel.TeamLead, Lead, previously: Backup) with { Step = 2 }, Now);

        Assert.Equal((Owner.Id, OfferLevel.Owner, 3), (repeat.State.OfferedTo?.Id, repeat.State.OfferLevel, repeat.State.OfferStep));
        Assert.Equal("offer-moved", Assert.Single(repeat.Timeline).What);
        Assert.NotNull(stale.Refusal);
        Assert.Equal(3, stale.State.OfferStep);
    }

    [Fact]
    public void The_top_of_the_policy_flags_the_case_and_says_who_is_told()
    {
        var exhausted = new EscalationPolicyExhausted
        {
            EscalationId = Case.Id, TenantId = Tenant, Severity = Severity.S2, Team = new TeamRef("t-payments", "Payments"), TeamLead = Member(Lead),
            Policy = "Payments policy", LastOfferedTo = Member(Lead), Offers = 3, At = Now,
        };

        var decision = LifecycleEvents.PolicyExhausted(In(Assigned), exhausted, Now);
        var other = LifecycleEvents.PolicyExhausted(In(Assigned), exhausted with { TenantId = "other" }, Now);
        var taken = LifecycleEvents.PolicyExhausted(In(Acknowledged), exhausted, Now);

        Assert.Equal("top of the Payments policy escalation policy: 3 offers, none acknowledged", decision.State.Flag);
        Assert.Equal(
            new TimelineNote(Actors.Routing, "top-of-policy", "Nobody acknowledged the case at any level of Payments policy; it stays offered to Lea Lead",
                "Lea Lead (lead of Payments) and leadership are told"),
            Assert.Single(decision.Timeline));
        Assert.Equal(Assigned, decision.State.Status);
        Assert.Null(other.State.Flag);
        Assert.Null(taken.State.Flag);
    }

    [Fact]
    public void A_later_offer_clears_the_unroutable_reason()
    {
        var unroutable = LifecycleEvents.Unroutable(In(Triaged), Unroutable(), Now).State;

        var offered = LifecycleEvents.Offered(unroutable, Offer(OfferLevel.Owner, Owner), Now);

        Assert.Null(offered.State.UnroutableReason);
        Assert.Equal(Assigned, offered.State.Status);
    }

    [Theory]
    [InlineData(Assigned)]
    [InlineData(Cancelled)]
    public void An_unroutable_announcement_for_a_case_no_longer_waiting_for_an_owner_changes_nothing(EscalationStatus status)
    {
        var decision = LifecycleEvents.Unroutable(In(status), Unroutable(), Now);

        Assert.NotNull(decision.Refusal);
        Assert.Null(decision.State.UnroutableReason);
        Assert.Empty(decision.Timeline);
    }

    [Fact]
    public void A_warning_is_noted_with_its_threshold_and_the_case_is_not_breached()
    {
        var decision = LifecycleEvents.ThresholdReached(In(InProgress), Threshold(ThresholdKind.Warning, 75), Now);

        Assert.False(decision.State.Breached);
        Assert.Equal(
            new TimelineNote(Actors.Sla, "sla-warning", "first-response: 75% of the target elapsed, due 2026-11-29T11:00:00Z",
                "the 75% warning threshold of the S2 policy"),
            Assert.Single(decision.Timeline));
    }

    [Fact]
    public void A_breach_marks_the_case_even_when_finished_and_a_late_announcement_says_how_late()
    {
        var decision = LifecycleEvents.ThresholdReached(In(Resolved), Threshold(ThresholdKind.Breach, 100, TimeSpan.FromSeconds(42.4)), Now);

        Assert.True(decision.State.Breached);
        var note = Assert.Single(decision.Timeline);
        Assert.Equal(("sla-breached", "first-response: 100% of the target elapsed, due 2026-11-29T11:00:00Z; announced 42 s late", "the target time passed"),
            (note.What, note.Detail, note.Reason));
    }

    [Fact]
    public void A_warning_after_a_breach_keeps_the_case_breached()
    {
        var decision = LifecycleEvents.ThresholdReached(In(InProgress) with { Breached = true }, Threshold(ThresholdKind.Warning, 50), Now);

        Assert.True(decision.State.Breached);
    }

    [Fact]
    public void The_first_commitment_starts_the_clocks_and_says_what_was_promised()
    {
        var decision = LifecycleEvents.CommitmentUpdated(In(Assigned), Commitment(Now.AddSeconds(-1), Now.AddHours(2), Now.AddDays(1)), Now);

        Assert.Equal(Now.UtcDateTime, decision.State.ClocksStartedAt);
        Assert.Equal(Now.AddHours(2).UtcDateTime, decision.State.NextUpdateDue);
        Assert.Equal(Now.AddSeconds(-1).UtcDateTime, decision.State.CommitmentAt);
        Assert.Equal(
            new TimelineNote(Actors.Sla, "clocks-started", "next customer update by 2026-11-29T12:00:00Z; resolution due 2026-11-30T10:00:00Z",
                "the SLA policy of this severity and customer tier"),
            Assert.Single(decision.Timeline));
    }

    [Fact]
    public void New_targets_replace_the_clocks_and_the_timeline_says_what_moved_and_why()
    {
        var decision = LifecycleEvents.TargetsChanged(In(InProgress), TargetsChanged(), Now);

        Assert.Equal(Now.AddMinutes(30).UtcDateTime, decision.State.NextUpdateDue);
        Assert.Equal(ClockKind.FirstResponse, Assert.Single(decision.State.Clocks).Kind);
        Assert.Equal(
            new TimelineNote(Actors.Sla, "sla-targets-changed", "first-response due 2026-11-29T11:00:00Z -> 2026-11-29T10:15:00Z",
                "SLA policy version 3, published by Maria: S2 answered within 15 minutes"),
            Assert.Single(decision.Timeline));
        Assert.Empty(decision.Messages);
    }

    private static SlaTargetsChanged TargetsChanged(string tenant = Tenant) => new()
    {
        EscalationId = Guid.Empty,
        TenantId = tenant,
        PolicyVersion = 3,
        PublishedBy = "Maria",
        Reason = "S2 answered within 15 minutes",
        Changes = [new SlaClockChange(ClockKind.FirstResponse, Now.AddHours(1), Now.AddMinutes(15))],
        Clocks = [new SlaClock(ClockKind.FirstResponse, ClockState.Running, Now, Now.AddMinutes(15), TimeSpan.FromMinutes(15), null, null, CalendarKind.AlwaysOpen)],
        NextUpdateDue = Now.AddMinutes(30),
        At = Now,
    };

    [Fact]
    public void A_first_commitment_without_cadence_says_so()
    {
        var decision = LifecycleEvents.CommitmentUpdated(In(Assigned), Commitment(Now, nextUpdate: null), Now);

        Assert.Equal("no update cadence", Assert.Single(decision.Timeline).Detail);
        Assert.Null(decision.State.NextUpdateDue);
    }

    [Fact]
    public void A_later_commitment_replaces_the_promise_silently()
    {
        var started = In(InProgress) with { ClocksStartedAt = Now.AddHours(-1).UtcDateTime, CommitmentAt = Now.AddHours(-1).UtcDateTime, NextUpdateDue = Now.UtcDateTime };

        var decision = LifecycleEvents.CommitmentUpdated(started, Commitment(Now, Now.AddHours(4)), Now);

        Assert.Null(decision.Refusal);
        Assert.Equal(Now.AddHours(4).UtcDateTime, decision.State.NextUpdateDue);
        Assert.Equal(Now.AddHours(-1).UtcDateTime, decision.State.ClocksStartedAt);
        Assert.Empty(decision.Timeline);
    }

    [Fact]
    public void An_older_commitment_redelivered_late_does_not_replace_the_newer_one()
    {
        IReadOnlyList<SlaClock> newer = [Clock(ClockKind.Resolution, ClockState.Paused, null)];
        var started = In(InProgress) with
        {
            ClocksStartedAt = Now.AddHours(-1).UtcDateTime, CommitmentAt = Now.UtcDateTime, NextUpdateDue = Now.AddHours(4).UtcDateTime, Clocks = newer,
        };

        var decision = LifecycleEvents.CommitmentUpdated(started,
            Commitment(Now.AddMinutes(-5), Now.AddHours(1), clocks: [Clock(ClockKind.Resolution, ClockState.Running, Now.AddHours(3))]), Now);

        Assert.Equal("an older promise than the one the record shows", decision.Refusal?.Reason);
        Assert.Equal(Now.AddHours(4).UtcDateTime, decision.State.NextUpdateDue);
        Assert.Same(newer, decision.State.Clocks);
    }

    [Fact]
    public void A_commitment_keeps_the_clocks_behind_it_on_the_record_and_a_breach_it_reports()
    {
        var started = In(InProgress) with { ClocksStartedAt = Now.AddHours(-1).UtcDateTime, CommitmentAt = Now.AddHours(-1).UtcDateTime };
        IReadOnlyList<SlaClock> clocks = [Clock(ClockKind.FirstResponse, ClockState.Breached, Now.AddMinutes(-30)), Clock(ClockKind.Resolution, ClockState.Paused, null)];

        var decision = LifecycleEvents.CommitmentUpdated(started, Commitment(Now, null, clocks: clocks, breached: true), Now);

        Assert.Equal(clocks, decision.State.Clocks);
        Assert.True(decision.State.Breached);
        Assert.Empty(decision.Timeline);
    }

    [Fact]
    public void A_commitment_without_clocks_from_an_older_sla_keeps_the_recorded_ones_and_never_clears_a_breach()
    {
        IReadOnlyList<SlaClock> recorded = [Clock(ClockKind.Resolution, ClockState.Running, Now.AddHours(3))];
        var started = In(InProgress) with
        {
            ClocksStartedAt = Now.AddHours(-1).UtcDateTime, CommitmentAt = Now.AddHours(-1).UtcDateTime, Clocks = recorded, Breached = true,
        };

        var decision = LifecycleEvents.CommitmentUpdated(started, Commitment(Now, Now.AddHours(1)), Now);

        Assert.Same(recorded, decision.State.Clocks);
        Assert.True(decision.State.Breached);
    }

    [Fact]
    public void An_unanswered_resolution_closes_by_itself_when_its_timer_fires()
    {
        var resolved = In(Resolved);

        var decision = LifecycleEvents.AutoClose(resolved, new AutoCloseDue(resolved.Id, resolved.ResolvedAt!.Value), Now, AutoCloseAfter);

        Assert.Equal(Closed, decision.State.Status);
        Assert.Equal(Now.UtcDateTime, decision.State.ClosedAt);
        Assert.Null(decision.State.AutoCloseAt);
        Assert.Null(decision.Timer); // it fired: nothing to cancel
        Assert.Equal(
            new TimelineNote(Actors.Intake, "auto-closed", null, "no answer from the customer within 3.00:00:00 of the resolution", Resolved, Closed),
            Assert.Single(decision.Timeline));
        Assert.Equal(Closed, decision.Single<EscalationStatusChanged>().To);
    }

    [Theory]
    [InlineData(Reopened)]
    [InlineData(InProgress)]
    [InlineData(Closed)]
    [InlineData(Cancelled)]
    public void A_timer_firing_after_the_resolution_was_reopened_or_closed_changes_nothing(EscalationStatus status)
    {
        var state = In(status);

        var decision = LifecycleEvents.AutoClose(state, new AutoCloseDue(state.Id, Now.AddHours(-1).UtcDateTime), Now, AutoCloseAfter);

        Assert.NotNull(decision.Refusal);
        Assert.Equal(status, decision.State.Status);
    }

    [Fact]
    public void The_timer_of_an_earlier_resolution_does_not_close_a_later_one()
    {
        var reResolved = In(Resolved);

        var decision = LifecycleEvents.AutoClose(reResolved, new AutoCloseDue(reResolved.Id, reResolved.ResolvedAt!.Value.AddDays(-2)), Now, AutoCloseAfter);

        Assert.NotNull(decision.Refusal);
        Assert.Equal(Resolved, decision.State.Status);
    }
}
