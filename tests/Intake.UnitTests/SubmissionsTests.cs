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
    public void Without_an_external_reference_there_is_no_reason()
    {
        Assert.Null(Assert.Single(Submissions.Accepted(NewCase(), Submitter, null, Now).Timeline).Reason);
    }
}
