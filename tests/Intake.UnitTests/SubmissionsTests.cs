using EscalationPlatform.Contracts;
using Intake.Domain;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

public sealed class SubmissionsTests
{
    [Fact]
    public void A_case_handed_in_starts_its_timeline_and_goes_to_triage()
    {
        var decision = Submissions.Accepted(NewCase(), Submitter, "TICKET-9", Now);

        Assert.Equal(EscalationStatus.Submitted, decision.State.Status);
        Assert.Null(decision.Moved);
        Assert.Equal(
            new TimelineNote(Submitter, "submitted", "Checkout fails (technical, Acme GmbH, premium)", "external reference TICKET-9", To: EscalationStatus.Submitted),
            Assert.Single(decision.Timeline));
        var submitted = decision.Single<EscalationSubmitted>();
        Assert.Equal((NewCase().Id, Tenant, "ESC-000001", "Checkout fails", Facts), (submitted.EscalationId, submitted.TenantId, submitted.Key, submitted.Title, submitted.Facts));
    }

    [Fact]
    public void A_case_triage_found_complete_at_submission_is_submitted_and_triaged_in_one_decision_announced_once()
    {
        var decision = Submissions.AcceptedAndTriaged(NewCase(), Submitter, "TICKET-9", LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged), Now)!;

        Assert.Equal(EscalationStatus.Triaged, decision.State.Status);
        Assert.Equal(EscalationStatus.Submitted, decision.Before.Status);
        Assert.Equal(["submitted", "triaged"], decision.Timeline.Select(note => note.What));
        var triaged = Assert.IsType<EscalationTriaged>(Assert.Single(decision.Messages)); // no EscalationSubmitted: this event stands for it
        Assert.True(triaged.AnnouncesSubmission);
        Assert.Equal((EscalationStatus.Submitted, Severity.S2, Facts), (triaged.From, triaged.Severity, triaged.Facts));
    }

    [Fact]
    public void An_s1_with_missing_facts_triaged_at_submission_also_says_the_handoff_is_incomplete()
    {
        var decision = Submissions.AcceptedAndTriaged(
            NewCase(), Submitter, null, LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged, Severity.S1, handoffIncomplete: true), Now)!;

        Assert.Equal(["submitted", "triaged", "handoff-incomplete"], decision.Timeline.Select(note => note.What));
    }

    [Fact]
    public void An_incomplete_case_is_not_decided_at_submission_but_takes_the_asynchronous_path()
    {
        Assert.Null(Submissions.AcceptedAndTriaged(NewCase(), Submitter, null, LifecycleEventsTests.Assessment(AssessmentOutcome.NeedsInformation), Now));
    }

    [Fact]
    public void An_assessment_for_another_tenant_or_case_is_not_applied()
    {
        Assert.Null(Submissions.AcceptedAndTriaged(NewCase(), Submitter, null, LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged, tenant: "globex"), Now));
        Assert.Null(Submissions.AcceptedAndTriaged(
            NewCase(), Submitter, null, LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged) with { EscalationId = Guid.NewGuid() }, Now));
    }

    [Fact]
    public void Without_an_external_reference_there_is_no_reason()
    {
        Assert.Null(Assert.Single(Submissions.Accepted(NewCase(), Submitter, null, Now).Timeline).Reason);
    }
}
