using Sla.Domain;

namespace Sla.UnitTests;

public sealed class BusinessHoursCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static BusinessHoursCalendar Calendar(TimeZoneInfo zone, params DateOnly[] holidays) =>
        new(zone, BusinessHours.Weekdays9To5, holidays.ToHashSet());

    private static DateTimeOffset Local(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    [Fact]
    public void Time_added_on_a_friday_afternoon_continues_on_monday_morning()
    {
        var due = Calendar(Berlin).AddWorkingTime(Local(Berlin, 2026, 11, 27, 16), TimeSpan.FromHours(2));

        Assert.Equal(Local(Berlin, 2026, 11, 30, 10), due);
    }

    [Fact]
    public void Time_added_at_the_weekend_starts_counting_on_monday()
    {
        var due = Calendar(Berlin).AddWorkingTime(Local(Berlin, 2026, 11, 28, 10), TimeSpan.FromHours(1));

        Assert.Equal(Local(Berlin, 2026, 11, 30, 10), due);
    }

    [Fact]
    public void Time_added_before_opening_starts_at_opening_and_after_closing_the_next_morning()
    {
        var calendar = Calendar(Berlin);

        Assert.Equal(Local(Berlin, 2026, 11, 24, 10), calendar.AddWorkingTime(Local(Berlin, 2026, 11, 24, 6), TimeSpan.FromHours(1)));
        Assert.Equal(Local(Berlin, 2026, 11, 25, 10), calendar.AddWorkingTime(Local(Berlin, 2026, 11, 24, 19), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Holidays_do_not_count()
    {
        var christmas = Calendar(Berlin, new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28));

        var due = christmas.AddWorkingTime(Local(Berlin, 2026, 12, 24, 16), TimeSpan.FromHours(2));

        Assert.Equal(Local(Berlin, 2026, 12, 29, 10), due);
        Assert.Equal(TimeSpan.FromHours(1), christmas.WorkingTimeBetween(Local(Berlin, 2026, 12, 24, 16), Local(Berlin, 2026, 12, 28, 17)));
    }

    [Fact]
    public void Working_time_between_counts_only_opening_hours()
    {
        var between = Calendar(Berlin).WorkingTimeBetween(Local(Berlin, 2026, 11, 27, 16), Local(Berlin, 2026, 11, 30, 10));

        Assert.Equal(TimeSpan.FromHours(2), between);
        Assert.Equal(TimeSpan.Zero, Calendar(Berlin).WorkingTimeBetween(Local(Berlin, 2026, 11, 30, 10), Local(Berlin, 2026, 11, 27, 16)));
    }

    [Fact]
    public void A_weekend_spanning_the_european_spring_forward_keeps_monday_at_local_ten_o_clock()
    {
        // Clocks go forward in Berlin on Sunday 29 March 2026: Friday is UTC+1, Monday UTC+2.
        var due = Calendar(Berlin).AddWorkingTime(Local(Berlin, 2026, 3, 27, 16), TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void A_weekend_spanning_the_european_fall_back_keeps_monday_at_local_ten_o_clock()
    {
        var due = Calendar(Berlin).AddWorkingTime(Local(Berlin, 2026, 10, 23, 16), TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void A_weekend_spanning_the_us_spring_forward_and_fall_back_keeps_monday_at_local_ten_o_clock()
    {
        var calendar = Calendar(NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero), calendar.AddWorkingTime(Local(NewYork, 2026, 3, 6, 16), TimeSpan.FromHours(2)).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero), calendar.AddWorkingTime(Local(NewYork, 2026, 10, 30, 16), TimeSpan.FromHours(2)).ToUniversalTime());
    }

    [Fact]
    public void Opening_hours_across_a_daylight_saving_change_count_the_real_hours()
    {
        var earlySunday = new BusinessHours(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)> { [DayOfWeek.Sunday] = (new TimeOnly(0, 0), new TimeOnly(6, 0)) });
        var calendar = new BusinessHoursCalendar(Berlin, earlySunday, new HashSet<DateOnly>());

        var springForward = calendar.WorkingTimeBetween(Local(Berlin, 2026, 3, 28, 12), Local(Berlin, 2026, 3, 30, 12));
        var fallBack = calendar.WorkingTimeBetween(Local(Berlin, 2026, 10, 24, 12), Local(Berlin, 2026, 10, 26, 12));

        Assert.Equal(TimeSpan.FromHours(5), springForward);
        Assert.Equal(TimeSpan.FromHours(7), fallBack);
    }

    [Fact]
    public void An_opening_time_inside_the_spring_forward_gap_opens_when_the_clock_resumes()
    {
        var gapOpening = new BusinessHours(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)> { [DayOfWeek.Sunday] = (new TimeOnly(2, 30), new TimeOnly(4, 0)) });
        var calendar = new BusinessHoursCalendar(Berlin, gapOpening, new HashSet<DateOnly>());

        var opening = calendar.AddWorkingTime(Local(Berlin, 2026, 3, 28, 12), TimeSpan.Zero + TimeSpan.FromMinutes(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 1, 0, TimeSpan.Zero), opening.ToUniversalTime());
    }

    [Fact]
    public void A_calendar_without_working_time_says_so_instead_of_looping()
    {
        var never = new BusinessHoursCalendar(Berlin, new BusinessHours(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>()), new HashSet<DateOnly>());

        Assert.Throws<InvalidOperationException>(() => never.AddWorkingTime(Local(Berlin, 2026, 1, 1, 9), TimeSpan.FromHours(1)));
    }
}
