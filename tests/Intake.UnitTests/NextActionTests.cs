using EscalationPlatform.Contracts;
using Intake.Domain;

namespace Intake.UnitTests;

public sealed class NextActionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static NextActionFacts Facts(EscalationStatus status, DateTimeOffset? update = null, DateTimeOffset? resolution = null) =>
        new(status, "Ada", "Grace", Now.AddMinutes(5), update, resolution, Now.AddDays(3), ["error messages", "logs"]);

    [Fact]
    public void An_assigned_case_waits_for_the_offered_person_until_the_window_ends()
    {
        var next = NextActions.For(Facts(EscalationStatus.Assigned))!;

        Assert.Equal("Grace", next.Who);
        Assert.Equal(Now.AddMinutes(5), next.DueAt);
    }

    [Fact]
    public void A_case_in_progress_is_due_for_whichever_comes_first_update_or_resolution()
    {
        var updateFirst = NextActions.For(Facts(EscalationStatus.InProgress, Now.AddHours(1), Now.AddHours(4)))!;
        var resolutionFirst = NextActions.For(Facts(EscalationStatus.InProgress, Now.AddHours(5), Now.AddHours(4)))!;

        Assert.Equal(("post a customer update", Now.AddHours(1)), (updateFirst.What, updateFirst.DueAt));
        Assert.Equal(("resolve the case", Now.AddHours(4)), (resolutionFirst.What, resolutionFirst.DueAt));
        Assert.All([updateFirst, resolutionFirst], next => Assert.Equal("Ada", next.Who));
    }

    [Fact]
    public void A_case_missing_facts_names_them_for_the_submitter()
    {
        var next = NextActions.For(Facts(EscalationStatus.NeedsInformation))!;

        Assert.Equal("submitter", next.Who);
        Assert.Contains("error messages, logs", next.What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_case_waits_for_the_customer_until_it_closes_by_itself()
    {
        var next = NextActions.For(Facts(EscalationStatus.Resolved))!;

        Assert.Equal(("customer", Now.AddDays(3)), (next.Who, next.DueAt));
    }

    [Theory]
    [InlineData(EscalationStatus.Closed)]
    [InlineData(EscalationStatus.Cancelled)]
    [InlineData(EscalationStatus.Deflected)]
    public void A_finished_case_has_no_next_action(EscalationStatus status) => Assert.Null(NextActions.For(Facts(status)));
}
