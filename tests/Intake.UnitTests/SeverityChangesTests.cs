using EscalationPlatform.Contracts;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

public sealed class SeverityChangesTests
{
    private static readonly Caller ManagerCalls = new(Manager, IsManager: true);

    private static Decision Change(EscalationState state, Severity? to, Caller caller) =>
        CaseCommands.Decide(state, new CaseCommand.ChangeSeverity(to, "the outage now affects every region"), caller, Now, AutoCloseAfter);

    [Fact]
    public void A_manager_raises_the_severity_with_a_reason_on_the_timeline_and_routing_and_sla_are_told()
    {
        var decision = Change(In(InProgress), Severity.S1, ManagerCalls);

        Assert.Null(decision.Refusal);
        Assert.Equal((Severity?)Severity.S1, decision.State.Severity);
        Assert.Equal("Mia Manager", decision.State.SeveritySetBy);
        Assert.Equal(InProgress, decision.State.Status);
        var note = Assert.Single(decision.Timeline);
        Assert.Equal(("severity-changed", "S3 -> S1", "the outage now affects every region", Manager), (note.What, note.Detail, note.Reason, note.Actor));
        var changed = Assert.IsType<EscalationSeverityChanged>(Assert.Single(decision.Messages));
        Assert.Equal((Severity.S3, Severity.S1, Manager, Now), (changed.From, changed.To, changed.Actor, changed.At));
        Assert.Equal("cust-1", changed.Customer!.Id);
    }

    [Fact]
    public void The_owner_and_the_team_lead_may_lower_it_and_the_person_offered_it_or_a_stranger_may_not()
    {
        var assigned = In(Assigned) with { OfferedTo = Backup, TeamLeadId = Lead.Id };

        Assert.Null(Change(assigned, Severity.S4, CallerOf(Owner)).Refusal);
        Assert.Null(Change(assigned, Severity.S4, CallerOf(Lead)).Refusal);
        Assert.Equal(RefusalKind.Forbidden, Change(assigned, Severity.S4, CallerOf(Backup)).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, Change(assigned, Severity.S4, new Caller(Stranger, IsManager: false)).Refusal!.Kind);
    }

    [Fact]
    public void The_same_severity_or_none_is_refused_naming_the_field()
    {
        var same = Change(In(InProgress), Severity.S3, ManagerCalls).Refusal!;
        var none = Change(In(InProgress), null, ManagerCalls).Refusal!;

        Assert.Equal(RefusalKind.Invalid, same.Kind);
        Assert.Equal("the escalation is already S3: name another severity", same.Errors!["severity"][0]);
        Assert.Equal("one of S1, S2, S3, S4", none.Errors!["severity"][0]);
    }

    [Theory]
    [InlineData(Submitted)]
    [InlineData(NeedsInformation)]
    [InlineData(Resolved)]
    [InlineData(Closed)]
    [InlineData(Cancelled)]
    public void Only_a_triaged_open_case_changes_severity(EscalationStatus status)
    {
        Assert.Equal(RefusalKind.NotApplicable, Change(In(status), Severity.S1, ManagerCalls).Refusal!.Kind);
    }
}
