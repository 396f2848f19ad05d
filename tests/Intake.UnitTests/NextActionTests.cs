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

    [Fact]
    public void The_due_time_a_queue_filters_by_is_the_offer_window_while_assigned_and_none_while_waiting_for_facts()
    {
        Assert.Equal(Cases.Now.AddMinutes(5), NextActions.DueAt(Cases.In(EscalationStatus.Assigned)));
        Assert.Null(NextActions.DueAt(Cases.In(EscalationStatus.NeedsInformation)));
        Assert.Null(NextActions.DueAt(Cases.In(EscalationStatus.Closed)));
    }

    [Fact]
    public void The_due_time_of_a_case_being_worked_is_its_next_customer_update_or_its_running_resolution_clock_whichever_is_first()
    {
        var resolution = new SlaClock(ClockKind.Resolution, ClockState.Running, Cases.Now, Cases.Now.AddHours(4), TimeSpan.FromHours(4), null, null, CalendarKind.AlwaysOpen);
        var working = Cases.In(EscalationStatus.InProgress) with { NextUpdateDue = Cases.Now.AddHours(1).UtcDateTime, Clocks = [resolution] };

        Assert.Equal(Cases.Now.AddHours(1), NextActions.DueAt(working));
        Assert.Equal(Cases.Now.AddHours(4), NextActions.DueAt(working with { NextUpdateDue = Cases.Now.AddHours(6).UtcDateTime }));
        Assert.Null(NextActions.DueAt(working with { NextUpdateDue = null, Clocks = [resolution with { State = ClockState.Paused }] }));
    }
}
