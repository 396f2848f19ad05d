using EscalationPlatform.Contracts;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

public sealed class HandoffStepsTests
{
    private static readonly MemberRef Ben = new("u-ben", "Ben Receiver", "ben@acme.example");

    private static EscalationHandoff Step(HandoffStep step) => new()
    {
        HandoffId = Guid.Parse("0193f0a0-0000-7000-8000-0000000000bb"),
        EscalationId = NewCase().Id,
        TenantId = Tenant,
        Step = step,
        From = new MemberRef(Owner.Id, Owner.Name, "olga@acme.example"),
        RequestedBy = ActorOf(Owner),
        ToTeam = new TeamRef("database", "Database"),
        ToTeamLead = new MemberRef("u-dora", "Dora Lead", "dora@acme.example"),
        AskedNow = Ben,
        Reason = "needs database access",
        ContextSummary = "Exports time out since the upgrade.",
        ActionsTaken = ["restarted the export workers"],
        RespondBy = Now.AddMinutes(15),
        AnsweredBy = step is HandoffStep.Accepted or HandoffStep.Rejected ? Ben : null,
        Answer = step == HandoffStep.Rejected ? "not a database problem" : null,
        At = Now,
    };

    [Fact]
    public void A_request_is_on_the_timeline_with_its_context_and_the_owner_stays_owner()
    {
        var decision = HandoffSteps.Apply(In(InProgress), Step(HandoffStep.Requested), Now);

        Assert.Equal(Owner, decision.State.Owner);
        var note = Assert.Single(decision.Timeline);
        Assert.Equal(("handoff-requested", "needs database access"), (note.What, note.Reason));
        Assert.Contains("Asked Ben Receiver (Database) to take it by 2026-11-29T10:15:00Z", note.Detail, StringComparison.Ordinal);
        Assert.Contains("restarted the export workers", note.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_acceptance_makes_the_receiver_owner_on_their_team()
    {
        var decision = HandoffSteps.Apply(In(InProgress), Step(HandoffStep.Accepted), Now);

        Assert.Equal((Person.Of(Ben), "database", "u-dora"), (decision.State.Owner, decision.State.Team!.Id, decision.State.TeamLeadId));
        Assert.Equal(InProgress, decision.State.Status);
        Assert.Equal("Ben Receiver owns it now on Database (handed over from Olga Owner)", Assert.Single(decision.Timeline).Detail);
    }

    [Fact]
    public void An_acceptance_before_anyone_acknowledged_is_the_acknowledgement()
    {
        var decision = HandoffSteps.Apply(In(Assigned), Step(HandoffStep.Accepted), Now);

        Assert.Equal(Acknowledged, decision.State.Status);
        Assert.Equal(new StatusMove(Assigned, Acknowledged), decision.Moved);
        Assert.Single(decision.Messages.OfType<EscalationStatusChanged>());
    }

    [Theory]
    [InlineData(HandoffStep.Rejected, "handoff-rejected")]
    [InlineData(HandoffStep.Expired, "handoff-unanswered")]
    [InlineData(HandoffStep.MovedUp, "handoff-moved-up")]
    public void A_rejection_a_move_up_or_no_answer_leaves_the_owner_in_place(HandoffStep step, string what)
    {
        var decision = HandoffSteps.Apply(In(InProgress), Step(step), Now);

        Assert.Equal(Owner, decision.State.Owner);
        Assert.Equal(what, Assert.Single(decision.Timeline).What);
    }

    [Fact]
    public void A_step_for_an_ended_case_or_another_tenant_changes_nothing()
    {
        Assert.NotNull(HandoffSteps.Apply(In(Closed), Step(HandoffStep.Accepted), Now).Refusal);
        Assert.NotNull(HandoffSteps.Apply(In(InProgress) with { TenantId = "other" }, Step(HandoffStep.Accepted), Now).Refusal);
    }
}
