using EscalationPlatform.Contracts;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

public sealed class DeflectionsTests
{
    private static readonly CaseDeflection StalePdf = new("stale-pdf", "Invoice PDF shows old address", 0.93, "Clear the PDF cache in Settings > Billing.",
        "matches the known error \"Invoice PDF shows old address\" (0.93), which has a workaround");

    private static readonly KnownErrorSuggestion Suggested = new("stale-pdf", "Invoice PDF shows old address", 0.93, ["the same error message"]);

    private static EscalationAssessed Deflecting(Severity severity = Severity.S4) =>
        LifecycleEventsTests.Assessment(AssessmentOutcome.Deflected, severity) with { Deflection = StalePdf, Suggestions = [Suggested] };

    [Theory]
    [InlineData(Submitted)]
    [InlineData(NeedsInformation)]
    public void A_deflecting_assessment_sends_the_case_back_with_the_workaround_and_tells_submitter_and_customer(EscalationStatus status)
    {
        var decision = LifecycleEvents.Assessed(In(status), Deflecting(), Now);

        Assert.Null(decision.Refusal);
        Assert.Equal(Deflected, decision.State.Status);
        Assert.Equal(StalePdf, decision.State.Deflection);
        Assert.Equal([Suggested], decision.State.Suggestions);
        var entry = Assert.Single(decision.Timeline, note => note.What == "deflected");
        Assert.Contains("Clear the PDF cache", entry.Detail);
        var told = Assert.IsType<EscalationDeflected>(Assert.Single(decision.Messages));
        Assert.Equal((Tenant, Submitter.Id, "Acme GmbH", StalePdf), (told.TenantId, told.SubmittedBy, told.Customer.Name, told.Deflection));
    }

    [Fact]
    public void A_case_already_triaged_is_not_deflected_afterwards_but_keeps_the_suggestions()
    {
        var decision = LifecycleEvents.Assessed(In(Assigned), Deflecting(Severity.S3), Now);

        Assert.Equal(Assigned, decision.State.Status);
        Assert.Empty(decision.Messages.OfType<EscalationDeflected>());
        Assert.Equal([Suggested], decision.State.Suggestions);
    }

    [Fact]
    public void An_assessment_without_a_deflection_records_its_suggestions_and_triages()
    {
        var assessed = LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged, Severity.S2) with { Suggestions = [Suggested] };

        var decision = LifecycleEvents.Assessed(NewCase(), assessed, Now);

        Assert.Equal(Triaged, decision.State.Status);
        Assert.Equal([Suggested], decision.State.Suggestions);
        Assert.Null(decision.State.Deflection);
    }

    [Fact]
    public void Contesting_routes_the_case_as_triaged_from_deflected_with_the_reason()
    {
        var deflected = In(Deflected) with { Severity = Severity.S4, Deflection = StalePdf };

        var decision = CaseCommands.Decide(deflected, new CaseCommand.Contest("the customer already cleared the cache"), new Caller(Submitter, IsManager: false),
            Now, AutoCloseAfter);

        Assert.Null(decision.Refusal);
        Assert.Equal(Triaged, decision.State.Status);
        Assert.Equal(StalePdf, decision.State.Deflection); // what was tried stays on the record
        var triaged = Assert.IsType<EscalationTriaged>(Assert.Single(decision.Messages));
        Assert.Equal((Deflected, Severity.S4), (triaged.From, triaged.Severity));
        Assert.Contains("the customer already cleared the cache", triaged.Reason);
        Assert.Equal("deflection-contested", Assert.Single(decision.Timeline).What);
    }

    [Fact]
    public void Only_a_deflected_case_can_be_contested() =>
        Assert.Equal(new Refusal(RefusalKind.NotApplicable, "only a deflected escalation can be contested"),
            CaseCommands.Decide(In(Triaged), new CaseCommand.Contest("x"), new Caller(Manager, IsManager: true), Now, AutoCloseAfter).Refusal);
}
