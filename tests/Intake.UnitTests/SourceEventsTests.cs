using EscalationPlatform.Contracts;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

public sealed class SourceEventsTests
{
    private static readonly Actor PagerDuty = new(ActorKind.Partner, "key:pd", "PagerDuty integration");

    public static TheoryData<EscalationStatus> OpenStatuses() => [.. Enum.GetValues<EscalationStatus>().Where(Lifecycle.IsOpen)];

    [Fact]
    public void The_same_key_firing_again_is_noted_on_the_open_escalation()
    {
        var decision = SourceEvents.Repeated(In(InProgress), PagerDuty, "pagerduty-events", "Disk full on db-1", Now);

        Assert.Equal(new TimelineNote(PagerDuty, "alert-repeated", "Disk full on db-1", "pagerduty-events sent the same deduplication key again"),
            Assert.Single(decision.Timeline));
        Assert.Equal(InProgress, decision.State.Status);
        Assert.Empty(decision.Messages);
    }

    [Fact]
    public void A_repeat_is_no_change_to_the_record()
    {
        var state = In(Assigned);

        var decision = SourceEvents.Repeated(state, PagerDuty, "alertmanager", "3 alert(s) firing", Now);

        Assert.True(decision.NotesOnly);
        Assert.Same(state, decision.State);
        Assert.Null(decision.Moved);
        Assert.Null(decision.Timer);
    }

    [Fact]
    public void A_note_at_the_source_that_is_not_a_repeat_still_changes_the_record()
    {
        var decision = SourceEvents.Acknowledged(In(Triaged), PagerDuty, "pagerduty-events", Now);

        Assert.Equal("acknowledged-at-source", Assert.Single(decision.Timeline).What);
        Assert.False(decision.NotesOnly);
    }

    [Fact]
    public void Acknowledged_at_the_source_an_offered_escalation_is_owned_by_the_person_it_was_offered_to()
    {
        var decision = SourceEvents.Acknowledged(In(Assigned) with { OfferedTo = Backup }, PagerDuty, "pagerduty-events", Now);

        Assert.Equal(Acknowledged, decision.State.Status);
        Assert.Equal(Backup, decision.State.Owner);
        Assert.Equal(Now.UtcDateTime, decision.State.AcknowledgedAt);
        Assert.Equal(new TimelineNote(PagerDuty, "acknowledged-at-source", "Bert Backup owns it now", "acknowledged in pagerduty-events", Assigned, Acknowledged),
            Assert.Single(decision.Timeline));
        Assert.Equal(Acknowledged, decision.Single<EscalationStatusChanged>().To);
    }

    [Theory]
    [InlineData(Submitted)]
    [InlineData(Triaged)]
    [InlineData(InProgress)]
    public void Acknowledged_at_the_source_anything_else_is_only_noted(EscalationStatus status)
    {
        var decision = SourceEvents.Acknowledged(In(status), PagerDuty, "alertmanager", Now);

        Assert.Equal(status, decision.State.Status);
        Assert.Equal(new TimelineNote(PagerDuty, "acknowledged-at-source", null, "acknowledged in alertmanager"), Assert.Single(decision.Timeline));
        Assert.Empty(decision.Messages);
    }

    [Theory]
    [MemberData(nameof(OpenStatuses))]
    public void A_cleared_alert_resolves_its_escalation_from_any_open_status(EscalationStatus status)
    {
        var state = In(status) with { Severity = Severity.S3 };

        var decision = SourceEvents.Cleared(state, PagerDuty, "pagerduty-events", Now, AutoCloseAfter);

        Assert.Equal(Resolved, decision.State.Status);
        Assert.Equal(new StatusMove(status, Resolved, MoveRule.SourceResolution), decision.Moved);
        Assert.Equal(new TimelineNote(PagerDuty, "resolved-at-source", "fix: The alert cleared in pagerduty-events", null, status, Resolved),
            Assert.Single(decision.Timeline));
        Assert.Equal(new ResolutionDetails(ResolutionKind.Fix, "The alert cleared in pagerduty-events", null, Now.UtcDateTime, PagerDuty.Name), decision.State.Resolution);
        Assert.IsType<ScheduleAutoClose>(decision.Timer);
    }

    [Theory]
    [InlineData(Severity.S1)]
    [InlineData(Severity.S2)]
    public void A_cleared_alert_that_needs_a_root_cause_is_noted_for_the_owner_to_resolve(Severity severity)
    {
        var decision = SourceEvents.Cleared(In(Assigned) with { Severity = severity }, PagerDuty, "alertmanager", Now, AutoCloseAfter);

        Assert.Equal(Assigned, decision.State.Status);
        Assert.Null(decision.Timer);
        Assert.Equal(new TimelineNote(PagerDuty, "cleared-at-source", "The alert cleared in alertmanager", $"{severity} needs its root cause: the owner resolves it with one"),
            Assert.Single(decision.Timeline));
    }

    [Fact]
    public void A_cleared_alert_of_an_untriaged_escalation_resolves_it()
    {
        var decision = SourceEvents.Cleared(NewCase(), PagerDuty, "alertmanager", Now, AutoCloseAfter);

        Assert.Equal(Resolved, decision.State.Status);
    }

    [Theory]
    [InlineData(Resolved)]
    [InlineData(Closed)]
    [InlineData(Cancelled)]
    [InlineData(Deflected)]
    public void A_cleared_alert_of_a_finished_escalation_changes_nothing(EscalationStatus status)
    {
        var decision = SourceEvents.Cleared(In(status), PagerDuty, "alertmanager", Now, AutoCloseAfter);

        Assert.Equal(RefusalKind.NotApplicable, decision.Refusal?.Kind);
        Assert.Empty(decision.Timeline);
    }
}
