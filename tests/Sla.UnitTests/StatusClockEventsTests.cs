using EscalationPlatform.Contracts;
using Sla.Domain;

namespace Sla.UnitTests;

public sealed class StatusClockEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(EscalationStatus.Assigned, EscalationStatus.Acknowledged, typeof(FirstResponded))]
    [InlineData(EscalationStatus.InProgress, EscalationStatus.WaitingOnCustomer, typeof(Paused))]
    [InlineData(EscalationStatus.WaitingOnCustomer, EscalationStatus.InProgress, typeof(Resumed))]
    [InlineData(EscalationStatus.InProgress, EscalationStatus.Resolved, typeof(Resolved))]
    [InlineData(EscalationStatus.Resolved, EscalationStatus.Reopened, typeof(Reopened))]
    [InlineData(EscalationStatus.Closed, EscalationStatus.Reopened, typeof(Reopened))]
    [InlineData(EscalationStatus.Resolved, EscalationStatus.Closed, typeof(Ended))]
    [InlineData(EscalationStatus.InProgress, EscalationStatus.Cancelled, typeof(Ended))]
    public void A_status_change_that_matters_to_the_clocks_becomes_its_clock_event_at_the_same_instant(
        EscalationStatus from, EscalationStatus to, Type expected)
    {
        var happened = StatusClockEvents.For(from, to, At);

        Assert.IsType(expected, happened);
        Assert.Equal(At, happened!.At);
    }

    [Theory]
    [InlineData(EscalationStatus.Acknowledged, EscalationStatus.InProgress)]
    [InlineData(EscalationStatus.Reopened, EscalationStatus.InProgress)]
    [InlineData(EscalationStatus.Triaged, EscalationStatus.Assigned)]
    [InlineData(EscalationStatus.Submitted, EscalationStatus.Triaged)]
    [InlineData(EscalationStatus.Submitted, EscalationStatus.NeedsInformation)]
    [InlineData(EscalationStatus.NeedsInformation, EscalationStatus.Submitted)]
    [InlineData(EscalationStatus.Triaged, EscalationStatus.Deflected)]
    public void Other_status_changes_mean_nothing_to_the_clocks(EscalationStatus from, EscalationStatus to)
    {
        Assert.Null(StatusClockEvents.For(from, to, At));
    }

    [Fact]
    public void Every_status_is_decided()
    {
        foreach (var to in Enum.GetValues<EscalationStatus>())
        {
            var happened = StatusClockEvents.For(EscalationStatus.InProgress, to, At);
            var expected = to switch
            {
                EscalationStatus.Acknowledged => typeof(FirstResponded),
                EscalationStatus.WaitingOnCustomer => typeof(Paused),
                EscalationStatus.Resolved => typeof(Resolved),
                EscalationStatus.Reopened => typeof(Reopened),
                EscalationStatus.Closed or EscalationStatus.Cancelled => typeof(Ended),
                _ => null,
            };
            Assert.Equal(expected, happened?.GetType());
        }
    }
}
