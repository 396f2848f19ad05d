using EscalationPlatform.Contracts;
using Intake.Domain;

namespace Intake.UnitTests;

public sealed class RecordedClocksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static SlaClock Clock(ClockKind kind, ClockState state, DateTimeOffset? due, DateTimeOffset? met = null) =>
        new(kind, state, Now.AddHours(-2), due, TimeSpan.FromHours(4), met, null, CalendarKind.BusinessHours);

    [Fact]
    public void A_running_clock_past_its_due_time_reads_as_breached_at_its_due_time()
    {
        var clock = Clock(ClockKind.FirstResponse, ClockState.Running, Now.AddMinutes(-1));

        var read = RecordedClocks.AsOf(clock, Now);

        Assert.Equal((ClockState.Breached, Now.AddMinutes(-1)), (read.State, read.BreachedAt));
        Assert.True(RecordedClocks.AnyBreached([read]));
    }

    [Fact]
    public void A_running_clock_at_its_due_time_has_breached_as_sla_says()
    {
        Assert.Equal(ClockState.Breached, RecordedClocks.AsOf(Clock(ClockKind.Resolution, ClockState.Running, Now), Now).State);
    }

    [Theory]
    [InlineData(ClockState.Paused)]
    [InlineData(ClockState.Met)]
    [InlineData(ClockState.Stopped)]
    public void A_clock_that_does_not_count_stays_as_announced_whatever_the_time(ClockState state)
    {
        var clock = Clock(ClockKind.Resolution, state, Now.AddHours(-1));

        Assert.Same(clock, RecordedClocks.AsOf(clock, Now));
    }

    [Fact]
    public void Clocks_time_changed_nothing_of_are_the_same_list()
    {
        IReadOnlyList<SlaClock> clocks = [Clock(ClockKind.FirstResponse, ClockState.Met, Now.AddHours(-1), Now.AddHours(-1.5)), Clock(ClockKind.Resolution, ClockState.Running, Now.AddHours(1))];

        Assert.Same(clocks, RecordedClocks.AsOf(clocks, Now));
        Assert.False(RecordedClocks.AnyBreached(clocks));
    }

    [Fact]
    public void Resolution_is_due_while_its_clock_counts_even_past_its_target()
    {
        var running = Clock(ClockKind.Resolution, ClockState.Running, Now.AddHours(1));
        var overdue = RecordedClocks.AsOf(Clock(ClockKind.Resolution, ClockState.Running, Now.AddHours(-1)), Now);
        var paused = Clock(ClockKind.Resolution, ClockState.Paused, null);
        var update = Clock(ClockKind.CustomerUpdate, ClockState.Running, Now.AddMinutes(30));

        Assert.Equal(Now.AddHours(1), RecordedClocks.ResolutionDue([update, running]));
        Assert.Equal(Now.AddHours(-1), RecordedClocks.ResolutionDue([overdue]));
        Assert.Null(RecordedClocks.ResolutionDue([update, paused]));
    }
}
