using EscalationPlatform.Portal.Components.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Portal.UnitTests;

public sealed class ViewerTimeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Noon);

    [Theory]
    [InlineData(30, "in less than a minute")]
    [InlineData(-30, "less than a minute ago")]
    [InlineData(5 * 60, "in 5 min")]
    [InlineData(-42 * 60, "42 min ago")]
    [InlineData(2 * 3600 + 15 * 60, "in 2 h 15 min")]
    [InlineData(-(3 * 86400 + 4 * 3600), "3 d 4 h ago")]
    public void A_time_reads_as_how_far_it_is_from_now(int seconds, string expected)
    {
        var time = new ViewerTime(_clock);

        Assert.Equal(expected, time.Relative(Noon.AddSeconds(seconds)));
    }

    [Fact]
    public void The_same_time_reads_differently_as_the_clock_moves_on()
    {
        var time = new ViewerTime(_clock);
        var due = Noon.AddMinutes(10);

        _clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal("20 min ago", time.Relative(due));
    }

    [Theory]
    [InlineData(60, DueUrgency.Later)]
    [InlineData(16, DueUrgency.Later)]
    [InlineData(15, DueUrgency.Soon)]
    [InlineData(1, DueUrgency.Soon)]
    [InlineData(0, DueUrgency.Past)]
    [InlineData(-5, DueUrgency.Past)]
    public void A_due_time_is_soon_within_fifteen_minutes_and_past_once_reached(int minutesAhead, DueUrgency expected)
    {
        var time = new ViewerTime(_clock);

        Assert.Equal(expected, time.Urgency(Noon.AddMinutes(minutesAhead)));
    }

    [Fact]
    public void A_due_time_turns_past_when_the_clock_passes_it()
    {
        var time = new ViewerTime(_clock);
        var due = Noon.AddMinutes(10);
        Assert.Equal(DueUrgency.Soon, time.Urgency(due));

        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(DueUrgency.Past, time.Urgency(due));
    }

    [Fact]
    public void Utc_is_written_out_whatever_the_offset_the_time_came_with()
    {
        var berlin = new DateTimeOffset(2026, 3, 10, 13, 5, 9, TimeSpan.FromHours(1));

        Assert.Equal("2026-03-10 12:05:09 UTC", ViewerTime.Utc(berlin));
    }
}
