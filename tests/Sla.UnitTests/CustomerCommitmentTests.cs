using EscalationPlatform.Contracts;
using Sla.Domain;

namespace Sla.UnitTests;

public sealed class CustomerCommitmentTests
{
    private static readonly SlaPolicy Policy = DefaultPolicy.Create();
    private static readonly DateTimeOffset Opened = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static CustomerCommitment Commitment(DateTimeOffset now, params ClockEvent[] events) => CustomerCommitment.From(
        ClockEngine.Evaluate([new CaseOpened(Opened), .. events], Policy.For(Severity.S1, CustomerTier.Standard), Policy, "UTC", now));

    [Fact]
    public void A_running_case_promises_the_next_update_and_the_resolution()
    {
        Assert.Equal(new CustomerCommitment(Opened.AddMinutes(30), Opened.AddHours(4)), Commitment(Opened.AddMinutes(5)));
    }

    [Fact]
    public void Promises_past_due_still_stand()
    {
        Assert.Equal(new CustomerCommitment(Opened.AddMinutes(30), Opened.AddHours(4)), Commitment(Opened.AddHours(5)));
    }

    [Fact]
    public void Waiting_on_the_customer_promises_nothing()
    {
        Assert.Equal(new CustomerCommitment(null, null), Commitment(Opened.AddMinutes(20), new Paused(Opened.AddMinutes(10))));
    }

    [Fact]
    public void A_resolved_case_promises_nothing()
    {
        Assert.Equal(new CustomerCommitment(null, null), Commitment(Opened.AddHours(1), new Resolved(Opened.AddMinutes(40))));
    }

    [Fact]
    public void An_update_moves_the_next_update_promise()
    {
        Assert.Equal(Opened.AddMinutes(50), Commitment(Opened.AddMinutes(25), new CustomerUpdated(Opened.AddMinutes(20))).NextUpdateDue);
    }
}

/// <summary>When sla announces a commitment: only when it says something new to the customer side.</summary>
public sealed class AnnouncedCommitmentTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 24, 10, 30, 0, TimeSpan.Zero);
    private static readonly CustomerCommitment Promise = new(Due, Due.AddHours(4));
    private static readonly AnnouncedCommitment Triaged = AnnouncedCommitment.Of(EscalationStatus.Triaged, Promise, last: null);

    [Fact]
    public void The_first_commitment_is_announced()
    {
        Assert.True(AnnouncedCommitment.IsNews(null, Triaged, message: null));
    }

    [Fact]
    public void The_same_promise_after_an_internal_step_is_not_announced_again()
    {
        var assigned = AnnouncedCommitment.Of(EscalationStatus.Assigned, Promise, Triaged);

        Assert.Equal(EscalationStatus.Triaged, assigned.CustomerStatus);
        Assert.False(AnnouncedCommitment.IsNews(Triaged, assigned, message: null));
    }

    [Fact]
    public void The_same_promise_in_the_same_status_is_not_announced_again()
    {
        Assert.False(AnnouncedCommitment.IsNews(Triaged, AnnouncedCommitment.Of(EscalationStatus.Triaged, Promise, Triaged), message: null));
    }

    [Theory]
    [InlineData(EscalationStatus.Acknowledged)]
    [InlineData(EscalationStatus.InProgress)]
    [InlineData(EscalationStatus.Closed)]
    public void A_status_the_customer_hears_of_is_announced_even_with_the_same_promise(EscalationStatus status)
    {
        Assert.True(AnnouncedCommitment.IsNews(Triaged, AnnouncedCommitment.Of(status, Promise, Triaged), message: null));
    }

    [Fact]
    public void A_moved_time_is_announced()
    {
        var paused = AnnouncedCommitment.Of(EscalationStatus.Triaged, Promise with { NextUpdateDue = null }, Triaged);
        var later = AnnouncedCommitment.Of(EscalationStatus.Triaged, Promise with { ResolutionDue = Due.AddHours(5) }, Triaged);

        Assert.True(AnnouncedCommitment.IsNews(Triaged, paused, message: null));
        Assert.True(AnnouncedCommitment.IsNews(Triaged, later, message: null));
    }

    [Fact]
    public void A_message_for_the_customer_is_always_announced()
    {
        Assert.True(AnnouncedCommitment.IsNews(Triaged, Triaged, message: "We are on it"));
    }

    [Fact]
    public void Times_compare_to_the_microsecond_the_database_keeps()
    {
        var precise = AnnouncedCommitment.Of(EscalationStatus.Triaged, Promise with { NextUpdateDue = Due.AddTicks(7) }, Triaged);

        Assert.Equal(Triaged, precise);
        Assert.False(AnnouncedCommitment.IsNews(Triaged, precise, message: null));
    }
}
