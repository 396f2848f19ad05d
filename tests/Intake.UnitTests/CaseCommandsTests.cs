using EscalationPlatform.Contracts;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

public sealed class CaseCommandsTests
{
    private static readonly Caller OwnerCalls = CallerOf(Owner);

    private static Decision Run(EscalationState state, CaseCommand command, Caller? caller = null) =>
        CaseCommands.Decide(state, command, caller ?? OwnerCalls, Now, AutoCloseAfter);

    /// <summary>One valid instance of each command.</summary>
    public static TheoryData<CaseCommand> EveryCommand() =>
    [
        new CaseCommand.Acknowledge(), new CaseCommand.AddContext(new FactsAdded(Impact: new ImpactFacts { AffectedCount = 3 })),
        new CaseCommand.RecordAction("restarted the pods"), new CaseCommand.PostCustomerUpdate("we are on it"), new CaseCommand.WaitOnCustomer("logs"),
        new CaseCommand.Resume(), new CaseCommand.Resolve(ResolutionKind.Fix, "patched", null), new CaseCommand.ConfirmClosure(),
        new CaseCommand.Reopen("still broken"), new CaseCommand.Cancel("duplicate"), new CaseCommand.ChangeSeverity(Severity.S1, "the outage spread"),
        new CaseCommand.Contest("the workaround does not apply to this customer"),
    ];

    public static TheoryData<CaseCommand, EscalationStatus> EveryCommandInEveryStatus()
    {
        var data = new TheoryData<CaseCommand, EscalationStatus>();
        foreach (var command in EveryCommand())
        {
            foreach (var status in Enum.GetValues<EscalationStatus>())
            {
                data.Add(command.Data, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommandInEveryStatus))]
    public void The_commands_offered_to_a_caller_are_exactly_those_that_would_not_be_refused(CaseCommand command, EscalationStatus status)
    {
        var state = In(status) with { OfferedTo = Owner };
        foreach (var caller in new[] { OwnerCalls, CallerOf(Backup), new Caller(Manager, IsManager: true), new Caller(Stranger, IsManager: false) })
        {
            var offered = CaseCommands.Available(state, caller).Contains(command.Kind);

            var refusal = Run(state, command, caller).Refusal;

            Assert.Equal(refusal is null || refusal.Kind == RefusalKind.Invalid, offered);
        }
    }

    [Fact]
    public void Only_the_offeree_is_offered_acknowledge_and_a_stranger_nothing_of_the_owners_work()
    {
        var assigned = In(Assigned) with { OfferedTo = Owner };

        Assert.Contains(Command.Acknowledge, CaseCommands.Available(assigned, OwnerCalls));
        Assert.DoesNotContain(Command.Acknowledge, CaseCommands.Available(assigned, new Caller(Manager, IsManager: true)));
        Assert.Empty(CaseCommands.Available(In(InProgress), new Caller(Stranger, IsManager: false)));
    }

    [Theory]
    [MemberData(nameof(EveryCommandInEveryStatus))]
    public void A_command_changes_the_case_exactly_where_its_rule_allows_it_and_moves_it_where_the_rule_says(CaseCommand command, EscalationStatus status)
    {
        var rule = CommandRules.Decide(command.Kind, status);
        var caller = new Caller(Manager, IsManager: true);
        var state = In(status) with { OfferedTo = Owner };

        var decision = Run(state, command, command.Kind == Command.Acknowledge ? OwnerCalls : caller);

        Assert.Equal(rule.Allowed, decision.Refusal is null);
        if (!rule.Allowed)
        {
            Assert.Equal(new Refusal(RefusalKind.NotApplicable, rule.Refusal!), decision.Refusal);
            Assert.Same(state, decision.State);
            Assert.Empty(decision.Timeline);
            Assert.Empty(decision.Messages);
            return;
        }

        Assert.Equal(rule.MovesTo ?? status, decision.State.Status);
        Assert.Equal(rule.MovesTo is null ? null : new StatusMove(status, rule.MovesTo.Value), decision.Moved);
        Assert.Single(decision.Timeline);
        Assert.Equal(rule.MovesTo is null ? 0 : 1, decision.Messages.Count(message => message is EscalationStatusChanged or EscalationTriaged)); // a move is announced once
    }

    [Fact]
    public void Someone_who_may_not_run_the_command_is_refused_before_the_status_is_considered()
    {
        var decision = Run(In(Resolved), new CaseCommand.Resolve(ResolutionKind.Fix, "x", null), new Caller(Stranger, IsManager: false));

        Assert.Equal(RefusalKind.Forbidden, decision.Refusal?.Kind);
        Assert.Equal("only the owner, the person it is offered to, the team lead or a manager can do this", decision.Refusal?.Reason);
    }

    [Fact]
    public void Acknowledging_makes_the_offered_person_the_owner()
    {
        var offered = In(Assigned) with { OfferedTo = Backup };

        var decision = Run(offered, new CaseCommand.Acknowledge("on it"), CallerOf(Backup));

        Assert.Equal(Acknowledged, decision.State.Status);
        Assert.Equal(Backup, decision.State.Owner);
        Assert.Equal(Now.UtcDateTime, decision.State.AcknowledgedAt);
        Assert.Equal(
            new TimelineNote(ActorOf(Backup), "acknowledged", "Bert Backup owns it now (handed over from Olga Owner)", "on it", Assigned, Acknowledged),
            Assert.Single(decision.Timeline));
        var changed = decision.Single<EscalationStatusChanged>();
        Assert.Equal((Assigned, Acknowledged, ActorOf(Backup), "on it", Now), (changed.From, changed.To, changed.Actor, changed.Reason, changed.At));
    }

    [Fact]
    public void The_first_owner_acknowledging_names_no_handoff()
    {
        var decision = Run(In(Assigned), new CaseCommand.Acknowledge());

        Assert.Equal("Olga Owner owns it now", decision.Timeline[0].Detail);
    }

    [Fact]
    public void Only_the_offered_person_acknowledges()
    {
        var decision = Run(In(Assigned) with { OfferedTo = Backup }, new CaseCommand.Acknowledge());

        Assert.Equal(RefusalKind.Forbidden, decision.Refusal?.Kind);
    }

    [Fact]
    public void Added_context_merges_into_the_facts_is_noted_and_sent_to_triage()
    {
        var added = new FactsAdded(
            Context: new ContextFacts { ErrorMessages = ["E42", "E43"] }, Urgency: new UrgencySignals(Outage: true), ActionsTaken: ["rolled back"]);

        var decision = Run(In(NeedsInformation), new CaseCommand.AddContext(added, "from the customer call"), new Caller(Submitter, IsManager: false));

        Assert.Equal(NeedsInformation, decision.State.Status);
        Assert.Equal(["E42", "E43"], decision.State.Facts.Context.ErrorMessages);
        Assert.True(decision.State.Facts.Urgency.Outage);
        Assert.Equal(["restarted the client", "rolled back"], decision.State.Facts.ActionsTaken);
        Assert.Equal(new TimelineNote(Submitter, "context-added", "Added context, urgency, actions taken", "from the customer call"), Assert.Single(decision.Timeline));
        var updated = decision.Single<EscalationFactsUpdated>();
        Assert.Equal((Tenant, decision.State.Facts), (updated.TenantId, updated.Facts));
    }

    [Theory]
    [InlineData(Acknowledged, true)]
    [InlineData(Reopened, true)]
    [InlineData(InProgress, false)]
    [InlineData(WaitingOnCustomer, false)]
    public void Recorded_work_puts_an_acknowledged_or_reopened_case_in_progress_with_one_entry(EscalationStatus status, bool starts)
    {
        var decision = Run(In(status), new CaseCommand.RecordAction("restarted the pods"));

        var note = Assert.Single(decision.Timeline);
        Assert.Equal(("action-recorded", "restarted the pods"), (note.What, note.Detail));
        Assert.Equal(starts ? "work started" : null, note.Reason);
        Assert.Equal(starts ? InProgress : status, decision.State.Status);
    }

    [Fact]
    public void A_customer_update_is_posted_to_the_timeline_and_announced()
    {
        var decision = Run(In(Acknowledged), new CaseCommand.PostCustomerUpdate("We found the cause."));

        Assert.Equal(InProgress, decision.State.Status);
        Assert.Equal(["customer-update-posted"], decision.Whats());
        Assert.Collection(decision.Messages, message => Assert.IsType<EscalationStatusChanged>(message), message => Assert.IsType<CustomerUpdatePosted>(message));
        var posted = decision.Single<CustomerUpdatePosted>();
        Assert.Equal(("ESC-000001", "We found the cause.", ActorOf(Owner), Now), (posted.Key, posted.Message, posted.Actor, posted.At));
    }

    [Fact]
    public void Waiting_on_the_customer_and_resuming_pause_and_restart_the_resolution_clock()
    {
        var waiting = Run(In(InProgress), new CaseCommand.WaitOnCustomer("their logs"));
        var resumed = Run(waiting.State, new CaseCommand.Resume("logs came"));

        Assert.Equal(new TimelineNote(ActorOf(Owner), "waiting-on-customer", "The resolution clock is paused", "their logs", InProgress, WaitingOnCustomer),
            Assert.Single(waiting.Timeline));
        Assert.Equal(new TimelineNote(ActorOf(Owner), "resumed", "The resolution clock runs again", "logs came", WaitingOnCustomer, InProgress),
            Assert.Single(resumed.Timeline));
    }

    [Fact]
    public void Resolving_records_the_resolution_and_sets_the_auto_close_timer()
    {
        var state = In(InProgress);
        var at = new DateTimeOffset(2026, 11, 29, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(4567);

        var decision = CaseCommands.Decide(state, new CaseCommand.Resolve(ResolutionKind.Workaround, "feature flag off", null), OwnerCalls, at, AutoCloseAfter);

        var resolvedAt = new DateTime(2026, 11, 29, 10, 0, 0, 123, DateTimeKind.Utc);
        Assert.Equal(Resolved, decision.State.Status);
        Assert.Equal(new ResolutionDetails(ResolutionKind.Workaround, "feature flag off", null, resolvedAt, "Olga Owner"), decision.State.Resolution);
        Assert.Equal(resolvedAt, decision.State.ResolvedAt);
        Assert.Equal(resolvedAt + AutoCloseAfter, decision.State.AutoCloseAt);
        Assert.Equal(new ScheduleAutoClose(resolvedAt + AutoCloseAfter, new AutoCloseDue(state.Id, resolvedAt)), decision.Timer);
        Assert.Equal(new TimelineNote(ActorOf(Owner), "resolved", "workaround: feature flag off", null, InProgress, Resolved), Assert.Single(decision.Timeline));
    }

    [Fact]
    public void An_S1_resolution_without_root_cause_is_refused_naming_the_field()
    {
        var decision = Run(In(InProgress) with { Severity = Severity.S1 }, new CaseCommand.Resolve(ResolutionKind.Fix, "patched", null));

        Assert.Equal(RefusalKind.Invalid, decision.Refusal?.Kind);
        Assert.Equal("The resolution is not complete.", decision.Refusal?.Reason);
        Assert.Equal(["rootCause"], decision.Refusal!.Errors!.Keys);
    }

    [Fact]
    public void A_root_cause_is_given_as_the_reason()
    {
        var decision = Run(In(InProgress) with { Severity = Severity.S2 }, new CaseCommand.Resolve(ResolutionKind.Fix, "patched", "a bad deploy"));

        Assert.Equal("root cause: a bad deploy", Assert.Single(decision.Timeline).Reason);
    }

    [Fact]
    public void Confirming_closes_and_cancels_the_auto_close_timer()
    {
        var decision = Run(In(Resolved), new CaseCommand.ConfirmClosure(), new Caller(Submitter, IsManager: false));

        Assert.Equal(Closed, decision.State.Status);
        Assert.Equal(Now.UtcDateTime, decision.State.ClosedAt);
        Assert.Null(decision.State.AutoCloseAt);
        Assert.IsType<CancelAutoClose>(decision.Timer);
        Assert.Equal(new TimelineNote(Submitter, "closure-confirmed", "The customer confirmed the resolution", null, Resolved, Closed), Assert.Single(decision.Timeline));
    }

    [Theory]
    [InlineData(Resolved)]
    [InlineData(Closed)]
    public void Reopening_gives_the_case_back_to_its_owner(EscalationStatus status)
    {
        var decision = Run(In(status), new CaseCommand.Reopen("it came back"));

        Assert.Equal(Reopened, decision.State.Status);
        Assert.Null(decision.State.ClosedAt);
        Assert.Null(decision.State.AutoCloseAt);
        Assert.Equal(status == Resolved ? new CancelAutoClose() : null, decision.Timer);
        Assert.Equal(new TimelineNote(ActorOf(Owner), "reopened", "Olga Owner owns it again", "it came back", status, Reopened), Assert.Single(decision.Timeline));
    }

    [Fact]
    public void Cancelling_an_open_case_withdraws_it_with_the_reason()
    {
        var decision = Run(In(Submitted), new CaseCommand.Cancel("sent by mistake"), new Caller(Submitter, IsManager: false));

        Assert.Equal(Cancelled, decision.State.Status);
        Assert.Null(decision.Timer);
        Assert.Equal(new TimelineNote(Submitter, "cancelled", null, "sent by mistake", Submitted, Cancelled), Assert.Single(decision.Timeline));
    }
}
