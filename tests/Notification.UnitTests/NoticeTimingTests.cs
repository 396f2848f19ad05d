using EscalationPlatform.Contracts;
using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>Noise control (SPEC §7): urgent notices go at once, the rest wait for a digest and for quiet hours to end,
/// on the person's own clock, across daylight-saving changes.</summary>
public sealed class NoticeTimingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private static Notice Mail(NoticeEvent notice, Audience audience = Audience.Owner, NoticeChannel channel = NoticeChannel.Email) =>
        new("p@acme.example", audience, notice, "key", channel, "p1");

    [Theory]
    [InlineData(NoticeEvent.Offered, Severity.S1, true)]
    [InlineData(NoticeEvent.SlaWarning, Severity.S2, true)]
    [InlineData(NoticeEvent.SlaBreach, Severity.S4, true)]
    [InlineData(NoticeEvent.SlaWarning, Severity.S3, false)]
    [InlineData(NoticeEvent.Offered, Severity.S4, false)]
    [InlineData(NoticeEvent.SeverityChanged, Severity.S3, false)]
    [InlineData(NoticeEvent.ProblemRaised, null, true)]
    [InlineData(NoticeEvent.Deflected, Severity.S4, false)]
    public void S1_S2_every_breach_and_a_problem_raised_are_urgent(NoticeEvent notice, Severity? severity, bool urgent) =>
        Assert.Equal(urgent, NoticeTiming.IsUrgent(notice, severity));

    [Fact]
    public void An_urgent_notice_goes_at_once_even_in_quiet_hours()
    {
        var night = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero); // 00:30 in Berlin
        var timing = NoticeTiming.When(Mail(NoticeEvent.Offered), Severity.S1, night, Window, new PersonPreferences(QuietHours: Night, TimeZone: "Europe/Berlin"), null);

        Assert.Equal(new Timing(night, Digest: false), timing);
    }

    [Theory]
    [InlineData(Audience.Customer, NoticeChannel.Email)]
    [InlineData(Audience.TeamChannel, NoticeChannel.Chat)]
    public void The_customer_and_channels_are_never_held(Audience audience, NoticeChannel channel)
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(now, NoticeTiming.When(Mail(NoticeEvent.CustomerNews, audience, channel), Severity.S4, now, Window, null, null).Due);
    }

    [Fact]
    public void A_non_urgent_notice_waits_for_the_digest_window_and_joins_the_one_already_waiting()
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var first = NoticeTiming.When(Mail(NoticeEvent.SlaWarning), Severity.S3, now, Window, null, null);
        var second = NoticeTiming.When(Mail(NoticeEvent.SlaWarning), Severity.S3, now.AddMinutes(2), Window, null, first.Due);

        Assert.Equal(new Timing(now + Window, Digest: true), first);
        Assert.Equal(first.Due, second.Due);
    }

    [Fact]
    public void An_offer_is_never_held_for_a_digest_but_waits_out_quiet_hours()
    {
        var day = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var night = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
        var sleeper = new PersonPreferences(QuietHours: Night, TimeZone: "Europe/Berlin");

        Assert.Equal(new Timing(day, Digest: false), NoticeTiming.When(Mail(NoticeEvent.Offered), Severity.S3, day, Window, sleeper, null));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), NoticeTiming.When(Mail(NoticeEvent.Offered), Severity.S3, night, Window, sleeper, null).Due);
    }

    [Fact]
    public void Without_a_digest_window_a_non_urgent_notice_goes_at_once()
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 3, 300, TimeSpan.Zero); // between two digest slots
        Assert.Equal(new Timing(now, Digest: false), NoticeTiming.When(Mail(NoticeEvent.SlaWarning), Severity.S3, now, TimeSpan.Zero, null, null));
    }

    [Fact]
    public void Notices_planned_moments_apart_fall_due_on_the_same_slot()
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, 300, TimeSpan.Zero);
        var first = NoticeTiming.When(Mail(NoticeEvent.SlaWarning), Severity.S3, now, Window, null, null);
        var concurrent = NoticeTiming.When(Mail(NoticeEvent.SlaWarning), Severity.S3, now.AddMilliseconds(40), Window, null, null);

        Assert.Equal(first.Due, concurrent.Due);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 10, 10, TimeSpan.Zero), first.Due);
    }

    [Fact]
    public void A_digest_already_sent_is_not_joined()
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(now + Window, NoticeTiming.When(Mail(NoticeEvent.SlaWarning), Severity.S3, now, Window, null, now.AddMinutes(-1)).Due);
    }

    [Fact]
    public void A_non_urgent_notice_at_night_waits_until_quiet_hours_end_in_the_persons_zone()
    {
        var night = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero); // 00:30 in Berlin (UTC+1)
        var timing = NoticeTiming.When(Mail(NoticeEvent.SlaWarning), Severity.S3, night, Window, new PersonPreferences(QuietHours: Night, TimeZone: "Europe/Berlin"), null);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), timing.Due); // 07:00 Berlin
        Assert.True(timing.Digest);
    }

    [Fact]
    public void The_same_instant_is_quiet_in_one_zone_and_not_in_another()
    {
        var at = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero); // 00:30 Berlin, 18:30 New York
        Assert.True(Night.Contains(at, Berlin));
        Assert.False(Night.Contains(at, NewYork));
    }

    [Fact]
    public void Quiet_hours_end_at_seven_local_time_on_the_night_the_clocks_go_forward()
    {
        var night = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero); // 01:30 CET; at 02:00 CET becomes 03:00 CEST
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.Zero), Night.EndAfter(night, Berlin)); // 07:00 CEST
    }

    [Fact]
    public void Quiet_hours_end_at_seven_local_time_on_the_night_the_clocks_go_back()
    {
        var night = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero); // 02:30 CEST
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 6, 0, 0, TimeSpan.Zero), Night.EndAfter(night, Berlin)); // 07:00 CET
    }

    [Fact]
    public void Quiet_hours_that_end_in_a_skipped_hour_end_when_the_clock_resumes()
    {
        var quiet = new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 30));
        var night = new DateTimeOffset(2026, 3, 29, 0, 15, 0, TimeSpan.Zero); // 01:15 CET
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), quiet.EndAfter(night, Berlin)); // 03:00 CEST, the first minute after 02:30 that exists
    }

    [Fact]
    public void Daytime_quiet_hours_hold_only_between_their_times()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));
        Assert.True(lunch.Contains(new DateTimeOffset(2026, 11, 30, 11, 30, 0, TimeSpan.Zero), Berlin)); // 12:30 Berlin
        Assert.False(lunch.Contains(new DateTimeOffset(2026, 11, 30, 12, 30, 0, TimeSpan.Zero), Berlin)); // 13:30 Berlin
    }

    [Fact]
    public void Preferences_name_a_bad_time_zone_and_empty_quiet_hours()
    {
        var errors = PersonPreferences.Check(new PersonPreferences(QuietHours: new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0)), TimeZone: "Mars/Olympus"));
        Assert.Equal(["quietHours", "timeZone"], errors.Keys.Order());
    }
}
