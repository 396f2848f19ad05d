using EscalationPlatform.Contracts;
using EscalationPlatform.SagaTesting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Routing.Api.Offers;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.UnitTests;

/// <summary>The offer saga on MassTransit's test harness: routing, the acknowledgement ladder and its timer, and
/// the events that end an offer, arriving in any order and more than once.</summary>
public sealed class OfferStateMachineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = InMemoryRoutingStore.Window;

    private readonly Guid _id = Guid.CreateVersion7();
    private readonly InMemoryRoutingStore _store = new();
    private SagaHarness<OfferStateMachine, OfferState> _harness = null!;

    public async ValueTask InitializeAsync() =>
        _harness = await SagaHarness<OfferStateMachine, OfferState>.StartAsync<OfferStateDefinition>(Start, services =>
        {
            services.AddSingleton<IRoutingStore>(_store);
            services.AddScoped<OfferPlanner>();
        });

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task When_triaged_Should_offer_to_the_round_robin_owner_and_set_the_acknowledgement_timer()
    {
        await _harness.PublishAsync(Triaged());

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Offered));
        var offer = Assert.Single((await Offers()));
        Assert.Equal((OfferLevel.Owner, "ana", "ben", "lee"), (offer.Level, offer.OfferedTo.Id, offer.Backup.Id, offer.TeamLead?.Id));
        Assert.Equal(Start + Window, offer.RespondBy);
        Assert.Equal("default team for technical issues, round-robin turn in Support", offer.Reason);
        Assert.Equal([(Start + Window).UtcDateTime], _harness.Timers.DueAt<AcknowledgementDue>());
        Assert.Equal(1, _store.Turns);
    }

    [Fact]
    public async Task When_the_offer_moves_up_Should_still_carry_the_key_title_and_customer_for_notification()
    {
        await _harness.PublishAsync(Triaged() with { Facts = Triaged().Facts with { Customer = Triaged().Facts.Customer with { ContactEmail = "it@c-1.example" } } });
        await _harness.AdvanceAsync(Window);

        var offers = await Offers();
        Assert.Equal(2, offers.Count);
        Assert.All(offers, offer => Assert.Equal(("ACME-1", "Checkout fails", "c-1", "Customer", "it@c-1.example", "UTC", (CustomerTier?)Triaged().Facts.Customer.Tier),
            (offer.Key, offer.Title, offer.Customer!.Id, offer.Customer.Name, offer.Customer.ContactEmail, offer.Customer.TimeZone, offer.Customer.Tier)));
    }

    [Fact]
    public async Task When_nobody_acknowledges_Should_move_up_from_owner_to_backup_to_team_lead_and_then_stay()
    {
        await _harness.PublishAsync(Triaged());

        Assert.Equal(0, await _harness.AdvanceAsync(Window - TimeSpan.FromSeconds(1)));
        Assert.Single((await Offers()));

        Assert.Equal(1, await _harness.AdvanceAsync(TimeSpan.FromSeconds(1)));
        var backup = (await Offers())[^1];
        Assert.Equal((OfferLevel.Backup, "ben", "ana"), (backup.Level, backup.OfferedTo.Id, backup.PreviouslyOfferedTo?.Id));
        Assert.Equal(Start + 2 * Window, backup.RespondBy);
        Assert.Equal("no acknowledgement within 5 minutes", backup.Reason);

        Assert.Equal(1, await _harness.AdvanceAsync(Window));
        var lead = (await Offers())[^1];
        Assert.Equal((OfferLevel.TeamLead, "lee", "ben"), (lead.Level, lead.OfferedTo.Id, lead.PreviouslyOfferedTo?.Id));

        Assert.Equal(1, await _harness.AdvanceAsync(Window));
        Assert.Equal(3, (await Offers()).Count);
        Assert.Equal([0, 1, 2], (await Offers()).Select(offer => offer.Step));
        var top = Assert.Single(await _harness.PublishedAsync<EscalationPolicyExhausted>(exhausted => exhausted.EscalationId == _id));
        Assert.Equal(("Default", 3, "lee", "lee"), (top.Policy, top.Offers, top.LastOfferedTo.Id, top.TeamLead?.Id));
        Assert.Empty(_harness.Timers.DueAt<AcknowledgementDue>());
        var instance = (await _harness.InstanceAsync(_id))!;
        Assert.Equal((nameof(OfferStateMachine.Offered), OfferLevel.TeamLead, "lee"), (instance.CurrentState, instance.Level, instance.OfferedToId));
        Assert.Null(instance.AcknowledgementTimeoutTokenId);
    }

    [Fact]
    public async Task When_the_policy_repeats_Should_offer_its_levels_again_then_announce_the_top_and_keep_the_offer()
    {
        _store.Policies["default"] = new EscalationPolicy("default", "Support policy", [
            new(OfferLevel.Owner, null, TimeSpan.FromMinutes(1), LevelCondition.Always),
            new(OfferLevel.Backup, null, TimeSpan.FromMinutes(2), LevelCondition.Always),
        ], 1, null);
        await _harness.PublishAsync(Triaged());
        Assert.Equal(Start + TimeSpan.FromMinutes(1), Assert.Single(await Offers()).RespondBy);

        await _harness.AdvanceAsync(TimeSpan.FromMinutes(1));
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(2));
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(1));

        var offers = await Offers();
        Assert.Equal([("ana", 0), ("ben", 1), ("ana", 2), ("ben", 3)], offers.Select(offer => (offer.OfferedTo.Id, offer.Step)));
        Assert.Equal("no acknowledgement within 2 minutes; Support policy, repeat 1", offers[2].Reason);
        Assert.All(offers, offer => Assert.Equal("Support policy", offer.Policy));
        Assert.Empty(await _harness.PublishedAsync<EscalationPolicyExhausted>(exhausted => exhausted.EscalationId == _id));

        await _harness.AdvanceAsync(TimeSpan.FromMinutes(2));
        var top = Assert.Single(await _harness.PublishedAsync<EscalationPolicyExhausted>(exhausted => exhausted.EscalationId == _id));
        Assert.Equal(("Support policy", 4, "ben"), (top.Policy, top.Offers, top.LastOfferedTo.Id));
        Assert.Empty(_harness.Timers.DueAt<AcknowledgementDue>());
        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Offered)); // never dropped: ben can still take it
    }

    [Fact]
    public async Task When_a_level_does_not_apply_or_names_nobody_available_Should_pass_over_it()
    {
        _store.Members.Add(InMemoryRoutingStore.Member("vp", team: "leadership"));
        _store.Members.Add(InMemoryRoutingStore.Member("away", team: "leadership"));
        _store.Members[^1].Available = false;
        _store.Members.Add(InMemoryRoutingStore.Member("dan", team: "database"));
        _store.OnCall = (_store.Members[^1], "Database on-call");
        _store.Policies["default"] = new EscalationPolicy("default", "Support policy", [
            new(OfferLevel.Owner, null, null, LevelCondition.Always),
            new(OfferLevel.Person, "vp", null, new LevelCondition([Severity.S1], [], null, null)),
            new(OfferLevel.Person, "away", null, LevelCondition.Always),
            new(OfferLevel.Schedule, "db-on-call", null, LevelCondition.Always),
        ], 0, null);
        await _harness.PublishAsync(Triaged()); // S2: the vp's level is only for S1

        await _harness.AdvanceAsync(Window);

        var moved = (await Offers())[^1];
        Assert.Equal((OfferLevel.Schedule, "dan", "DAN", "dan@acme.example", "ana"),
            (moved.Level, moved.OfferedTo.Id, moved.OfferedTo.Name, moved.OfferedTo.Email, moved.PreviouslyOfferedTo?.Id));
    }

    [Fact]
    public async Task When_the_policy_starts_with_a_schedule_Should_offer_whoever_is_on_call_first_as_owner_with_the_chosen_owner_as_backup()
    {
        _store.Members.Add(InMemoryRoutingStore.Member("dan", team: "database"));
        _store.OnCall = (_store.Members[^1], "Database on-call");
        _store.Team.EscalationPolicyId = "night";
        _store.Policies["night"] = new EscalationPolicy("night", "Night", [
            new(OfferLevel.Schedule, "db-on-call", TimeSpan.FromMinutes(3), LevelCondition.Always),
            new(OfferLevel.Owner, null, null, LevelCondition.Always),
        ], 0, null);

        await _harness.PublishAsync(Triaged());

        var first = Assert.Single(await Offers());
        Assert.Equal((OfferLevel.Schedule, "dan", "dan", "ana", Start + TimeSpan.FromMinutes(3)),
            (first.Level, first.OfferedTo.Id, first.Owner.Id, first.Backup.Id, first.RespondBy));
    }

    [Fact]
    public async Task When_acknowledged_Should_accept_the_offer_and_cancel_the_timer()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged, actor: "ana"));

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Accepted));
        Assert.Equal("ana", (await _harness.InstanceAsync(_id))!.AcceptedById);
        Assert.Empty(_harness.Timers.DueAt<AcknowledgementDue>());
        Assert.Equal(0, await _harness.AdvanceAsync(2 * Window));
        Assert.Single((await Offers()));
    }

    [Fact]
    public async Task When_the_backup_acknowledges_after_the_offer_moved_Should_accept_it_with_the_backup()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.AdvanceAsync(Window);
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged, actor: "ben"));

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Accepted));
        Assert.Equal(("ben", OfferLevel.Backup), ((await _harness.InstanceAsync(_id))!.AcceptedById, (await _harness.InstanceAsync(_id))!.Level));
        Assert.Empty(_harness.Timers.DueAt<AcknowledgementDue>());
    }

    [Theory]
    [InlineData(EscalationStatus.Resolved)]
    [InlineData(EscalationStatus.Closed)]
    [InlineData(EscalationStatus.Cancelled)]
    public async Task When_an_offered_escalation_ends_Should_finish_and_cancel_the_timer(EscalationStatus end)
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, end));

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Finished));
        Assert.Empty(_harness.Timers.DueAt<AcknowledgementDue>());
        Assert.Equal(0, await _harness.AdvanceAsync(Window));
        Assert.Single((await Offers()));
    }

    [Theory]
    [InlineData(EscalationStatus.Closed, nameof(OfferStateMachine.Finished))]
    [InlineData(EscalationStatus.Cancelled, nameof(OfferStateMachine.Finished))]
    [InlineData(EscalationStatus.Resolved, nameof(OfferStateMachine.Accepted))]
    [InlineData(EscalationStatus.InProgress, nameof(OfferStateMachine.Accepted))]
    public async Task When_an_accepted_escalation_moves_on_Should_finish_only_when_closed_or_cancelled(EscalationStatus to, string state)
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged, actor: "ana"));
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Acknowledged, to));

        Assert.Equal(state, (await _harness.InstanceAsync(_id))!.CurrentState);
    }

    [Fact]
    public async Task When_another_tenant_reports_a_status_change_for_the_id_Should_change_nothing()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged, actor: "ana", tenant: "globex"));
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Cancelled, tenant: "globex"));

        var instance = (await _harness.InstanceAsync(_id))!;
        Assert.Equal((nameof(OfferStateMachine.Offered), null), (instance.CurrentState, instance.AcceptedById));
        Assert.Single(_harness.Timers.DueAt<AcknowledgementDue>());
    }

    [Fact]
    public async Task When_triaged_again_Should_keep_the_offer_it_has()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(Triaged() with { Severity = Severity.S1 });

        Assert.Single((await Offers()));
        Assert.Equal(((int)Severity.S2, "ana"), ((await _harness.InstanceAsync(_id))!.Severity, (await _harness.InstanceAsync(_id))!.OwnerId));
        Assert.Single(_harness.Timers.DueAt<AcknowledgementDue>());
        Assert.Equal(1, _store.Turns); // the team's turn was not taken twice
    }

    [Fact]
    public async Task When_a_status_change_arrives_before_any_offer_Should_discard_it()
    {
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged, actor: "ana"));

        Assert.Null((await _harness.InstanceAsync(_id)));

        await _harness.PublishAsync(Triaged()); // the triage that came late still routes the escalation
        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Offered));
        Assert.Single((await Offers()));
    }

    [Fact]
    public async Task When_a_timer_fires_after_the_offer_ended_Should_change_nothing()
    {
        await _harness.PublishAsync(Triaged());
        var stale = (await _harness.InstanceAsync(_id))!.AcknowledgementTimeoutTokenId;
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Cancelled));
        await _harness.SendAsync(new AcknowledgementDue(_id)); // a copy of the timer, without its token

        Assert.NotNull(stale);
        Assert.Equal(nameof(OfferStateMachine.Finished), (await _harness.InstanceAsync(_id))!.CurrentState);
        Assert.Single((await Offers()));
    }

    [Fact]
    public async Task When_no_team_takes_the_issue_Should_mark_it_unroutable_offer_nothing_and_announce_why()
    {
        await _harness.PublishAsync(Triaged() with { Facts = Triaged().Facts with { IssueType = IssueType.Legal } });

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Unroutable));
        Assert.Empty((await Offers()));
        Assert.Empty(_harness.Timers.DueAt<AcknowledgementDue>());
        var unroutable = Assert.Single(await _harness.PublishedAsync<EscalationUnroutable>(message => message.EscalationId == _id));
        Assert.Equal(("no routing rule matches and no team takes legal issues", null, null), (unroutable.Reason, unroutable.Team, unroutable.TeamLead));
        Assert.Equal(("ACME-1", "Checkout fails", Severity.S2, "c-1"), (unroutable.Key, unroutable.Title, unroutable.Severity, unroutable.Customer?.Id));
    }

    [Fact]
    public async Task When_the_team_has_one_member_besides_its_lead_Should_announce_it_unroutable_naming_the_team_and_its_lead()
    {
        _store.Members.RemoveAll(member => member.Id == "ben");

        await _harness.PublishAsync(Triaged());

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Unroutable));
        var unroutable = Assert.Single(await _harness.PublishedAsync<EscalationUnroutable>(message => message.EscalationId == _id));
        Assert.Equal("Support has 1 member besides its lead to take turns; an owner and a distinct backup need 2", unroutable.Reason);
        Assert.Equal((new TeamRef("support", "Support"), "lee@acme.example"), (unroutable.Team, unroutable.TeamLead?.Email));
        Assert.Equal(0, _store.Turns); // no turn taken for a team that cannot staff the case
    }

    [Fact]
    public async Task When_an_unroutable_escalation_is_triaged_again_Should_announce_nothing_more()
    {
        var legal = Triaged() with { Facts = Triaged().Facts with { IssueType = IssueType.Legal } };
        await _harness.PublishAsync(legal);
        await _harness.PublishAsync(legal);

        Assert.Single(await _harness.PublishedAsync<EscalationUnroutable>(message => message.EscalationId == _id));
    }

    [Fact]
    public void The_definition_partitions_every_event_and_the_timer_by_escalation()
    {
        var probe = System.Text.Json.JsonSerializer.Serialize(_harness.Bus.Bus.GetProbeResult(TestContext.Current.CancellationToken));

        Assert.Equal(5, probe.Split("\"filterType\":\"partition\"").Length - 1);
    }

    [Fact]
    public async Task When_the_severity_changes_while_the_offer_waits_Should_give_the_same_person_the_new_severitys_window_from_then()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(2));

        await _harness.PublishAsync(SeverityChanged(Severity.S2, Severity.S4));

        var replanned = (await Offers())[^1];
        var fourHours = Routing.Domain.AcknowledgementWindows.Default.For(Severity.S4);
        Assert.True(replanned.Replanned);
        Assert.Equal((OfferLevel.Owner, "ana", Severity.S4), (replanned.Level, replanned.OfferedTo.Id, replanned.Severity));
        Assert.Equal(Start + TimeSpan.FromMinutes(2) + fourHours, replanned.RespondBy);
        Assert.Equal("severity changed from S2 to S4 by Mia: 240 minutes to acknowledge", replanned.Reason);
        Assert.Equal([(Start + TimeSpan.FromMinutes(2) + fourHours).UtcDateTime], _harness.Timers.DueAt<AcknowledgementDue>());
        Assert.Equal(0, await _harness.AdvanceAsync(Window)); // the old deadline passes without a move
        Assert.Equal(2, (await Offers()).Count);
    }

    [Fact]
    public async Task When_the_severity_changes_after_the_acceptance_Should_only_record_it()
    {
        await _harness.PublishAsync(Triaged());
        await _harness.PublishAsync(StatusChanged(EscalationStatus.Assigned, EscalationStatus.Acknowledged, actor: "ana"));
        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Accepted));

        await _harness.PublishAsync(SeverityChanged(Severity.S2, Severity.S1));

        Assert.Equal((int)Severity.S1, (await _harness.InstanceAsync(_id))!.Severity);
        Assert.Single(await Offers());
    }

    [Fact]
    public async Task When_a_handoff_is_accepted_while_the_offer_waits_Should_make_the_receiver_owner_and_stop_the_ladder()
    {
        await _harness.PublishAsync(Triaged());

        await _harness.PublishAsync(Handoff(HandoffStep.Requested));
        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Offered)); // a request changes nothing yet
        await _harness.PublishAsync(Handoff(HandoffStep.Accepted));

        Assert.NotNull(await _harness.Saga.Exists(_id, machine => machine.Accepted));
        var offer = (await _harness.InstanceAsync(_id))!;
        Assert.Equal(("dan", "dan", "database", "dora"), (offer.OwnerId, offer.AcceptedById, offer.TeamId, offer.LeadId));
        Assert.Empty(_harness.Timers.DueAt<AcknowledgementDue>());
        Assert.Equal(0, await _harness.AdvanceAsync(Window));
    }

    [Fact]
    public async Task When_an_S1_reaches_a_team_with_an_on_call_schedule_Should_offer_it_first_to_whoever_is_on_call()
    {
        _store.Team.OnCallScheduleId = "support-on-call";
        _store.OnCall = (new MemberRow { TenantId = InMemoryRoutingStore.Tenant, Id = "ola", TeamId = "night", Name = "Ola", Email = "ola@acme.example", TimeZone = "UTC" }, "Support on-call");

        await _harness.PublishAsync(Triaged() with { Severity = Severity.S1 });

        var offer = Assert.Single(await Offers());
        Assert.Equal(("ola", "ana"), (offer.Owner.Id, offer.Backup.Id));
        Assert.Equal("default team for technical issues, on call in Support on-call (S1); backup: round-robin turn in Support", offer.Reason);
    }

    [Fact]
    public async Task When_an_S2_arrives_in_working_hours_Should_not_page_the_on_call_responder()
    {
        _store.Team.OnCallScheduleId = "support-on-call";
        _store.OnCall = (new MemberRow { TenantId = InMemoryRoutingStore.Tenant, Id = "ola", TeamId = "night", Name = "Ola", Email = "ola@acme.example", TimeZone = "UTC" }, "Support on-call");

        await _harness.PublishAsync(Triaged());

        Assert.Equal("ana", Assert.Single(await Offers()).Owner.Id);
    }

    private EscalationHandoff Handoff(HandoffStep step) => new()
    {
        HandoffId = Guid.CreateVersion7(),
        EscalationId = _id,
        TenantId = InMemoryRoutingStore.Tenant,
        Step = step,
        RequestedBy = new(ActorKind.Person, "ana", "Ana"),
        ToTeam = new("database", "Database"),
        ToTeamLead = new("dora", "Dora", "dora@acme.example"),
        AskedNow = new("dan", "Dan", "dan@acme.example"),
        Reason = "needs the database team",
        ContextSummary = "exports time out",
        ActionsTaken = ["restarted the workers"],
        RespondBy = Start + Window,
        AnsweredBy = step == HandoffStep.Accepted ? new("dan", "Dan", "dan@acme.example") : null,
        At = _harness.Time.GetUtcNow(),
    };

    private EscalationSeverityChanged SeverityChanged(Severity from, Severity to) => new()
    {
        EscalationId = _id,
        TenantId = InMemoryRoutingStore.Tenant,
        Key = "ACME-1",
        Title = "Checkout fails",
        From = from,
        To = to,
        Actor = new(ActorKind.Person, "mia", "Mia"),
        Reason = "new facts",
        At = _harness.Time.GetUtcNow(),
    };

    private async Task<List<EscalationOffered>> Offers() => [.. await _harness.PublishedAsync<EscalationOffered>(offer => offer.EscalationId == _id)];

    private EscalationTriaged Triaged() => new()
    {
        EscalationId = _id,
        TenantId = InMemoryRoutingStore.Tenant,
        Key = "ACME-1",
        Title = "Checkout fails",
        Severity = Severity.S2,
        Facts = new()
        {
            IssueType = IssueType.Technical,
            Customer = new() { Id = "c-1", Name = "Customer", Tier = CustomerTier.Standard, TimeZone = "UTC" },
            Impact = new(),
            Urgency = new(),
            Context = new(),
            SubmittedAt = Start - TimeSpan.FromMinutes(10),
        },
        TriagedAt = Start,
    };

    private EscalationStatusChanged StatusChanged(EscalationStatus from, EscalationStatus to, string actor = "intake", string tenant = InMemoryRoutingStore.Tenant) => new()
    {
        EscalationId = _id,
        TenantId = tenant,
        Key = "ACME-1",
        From = from,
        To = to,
        Actor = new(ActorKind.Person, actor, actor),
        At = _harness.Time.GetUtcNow(),
    };
}
