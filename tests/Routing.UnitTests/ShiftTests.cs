using Routing.Domain;

namespace Routing.UnitTests;

public sealed class ShiftTests
{
    private static readonly (DayOfWeek, TimeOnly, TimeOnly)[] WeekdaysNineToFive =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => (day, new TimeOnly(9, 0), new TimeOnly(17, 0)))];

    private static bool OnShift(string timeZone, string utc) => Shift.Covers(WeekdaysNineToFive, timeZone, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("Europe/Berlin", "2026-11-30T08:00:00Z", true)] // Monday 09:00 in Berlin (UTC+1): opening time counts
    [InlineData("Europe/Berlin", "2026-11-30T07:59:00Z", false)]
    [InlineData("Europe/Berlin", "2026-11-30T16:00:00Z", false)] // 17:00: closed
    [InlineData("America/New_York", "2026-11-30T08:00:00Z", false)] // 03:00 in New York
    [InlineData("America/New_York", "2026-11-30T20:00:00Z", true)]
    [InlineData("Europe/Berlin", "2026-11-28T10:00:00Z", false)] // Saturday
    [InlineData("Asia/Tokyo", "2026-11-30T00:00:00Z", true)] // Monday 09:00 in Tokyo, still Sunday in UTC
    [InlineData("Asia/Tokyo", "2026-11-29T23:30:00Z", false)] // Monday 08:30 in Tokyo
    public void A_member_is_on_shift_within_their_working_day_in_their_own_time_zone(string timeZone, string utc, bool expected)
    {
        Assert.Equal(expected, OnShift(timeZone, utc));
    }

    [Fact]
    public void Working_hours_follow_the_clock_on_the_wall_across_daylight_saving_changes()
    {
        // Berlin moves from UTC+1 to UTC+2 on Sunday 2026-03-29: 09:00 on the Friday before is 08:00 UTC, on the Monday after 07:00 UTC.
        Assert.True(OnShift("Europe/Berlin", "2026-03-27T08:00:00Z"));
        Assert.False(OnShift("Europe/Berlin", "2026-03-30T06:59:00Z"));
        Assert.True(OnShift("Europe/Berlin", "2026-03-30T07:00:00Z"));
        // New York moves back on Sunday 2026-11-01: 16:59 on the Monday after is 21:59 UTC.
        Assert.True(OnShift("America/New_York", "2026-11-02T21:59:00Z"));
        Assert.False(OnShift("America/New_York", "2026-10-30T21:00:00Z")); // 17:00 on the Friday before, UTC-4
    }

    [Fact]
    public void A_member_without_working_hours_is_always_on_shift()
    {
        Assert.True(Shift.Covers([], "Europe/Berlin", DateTimeOffset.Parse("2026-11-29T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
