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
