using System.Globalization;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class OnCallScheduleTests
{
    private static readonly HashSet<string> Members = ["ana", "ben", "cho", "dan", "eve"];

    private static DateTimeOffset Utc(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static OnCallSchedule Schedule(string zone, IReadOnlyList<LayerDraft> layers, IReadOnlyList<OverrideDraft>? overrides = null)
    {
        var (schedule, errors) = OnCallSchedules.Check("database", new ScheduleDraft("Database", zone, layers, overrides), Members);
        Assert.Empty(errors);
        return schedule!;
    }

    private static LayerDraft Weekly(params string[] participants) => new("weekly", "2026-11-30T09:00", TimeSpan.FromDays(7), participants);

    [Fact]
    public void A_weekly_rotation_hands_over_at_its_start_time_to_each_participant_in_turn()
    {
        var schedule = Schedule("Europe/Berlin", [Weekly("ana", "ben", "cho")]);

        Assert.Null(schedule.At(Utc("2026-11-30T07:59:00Z"))); // before the first hand-over (09:00 in Berlin is 08:00 UTC)
        Assert.Equal(("ana", "weekly"), schedule.At(Utc("2026-11-30T08:00:00Z")));
        Assert.Equal("ana", schedule.At(Utc("2026-12-07T07:59:00Z"))!.Value.MemberId);
        Assert.Equal("ben", schedule.At(Utc("2026-12-07T08:00:00Z"))!.Value.MemberId);
        Assert.Equal("ana", schedule.At(Utc("2026-12-21T08:00:00Z"))!.Value.MemberId); // three weeks on: round again
    }

    [Fact]
    public void Hand_overs_stay_at_the_same_wall_clock_time_across_daylight_saving_changes()
    {
        var daily = Schedule("Europe/Berlin", [new LayerDraft("daily", "2027-03-26T09:00", TimeSpan.FromDays(1), ["ana", "ben"])]);

        // Berlin moves to UTC+2 on Sunday 28 March 2027: 09:00 is 08:00 UTC before and 07:00 UTC after.
        Assert.Equal("ana", daily.At(Utc("2027-03-26T08:00:00Z"))!.Value.MemberId); // Friday
        Assert.Equal("ana", daily.At(Utc("2027-03-28T07:00:00Z"))!.Value.MemberId); // Sunday 09:00 local, third day
        Assert.Equal("ana", daily.At(Utc("2027-03-29T06:59:00Z"))!.Value.MemberId); // Monday 08:59 local: still Sunday's
        Assert.Equal("ben", daily.At(Utc("2027-03-29T07:00:00Z"))!.Value.MemberId); // Monday 09:00 local: hand-over
        var shifts = daily.Between(Utc("2027-03-27T00:00:00Z"), Utc("2027-03-30T00:00:00Z"));
        Assert.Equal([Utc("2027-03-27T08:00:00Z"), Utc("2027-03-28T07:00:00Z"), Utc("2027-03-29T07:00:00Z")], shifts.Skip(1).Select(shift => shift.From));
        Assert.Equal(["ana", "ben", "ana", "ben"], shifts.Select(shift => shift.MemberId));
        Assert.Equal(TimeSpan.FromHours(23), shifts[1].To - shifts[1].From); // Saturday 09:00 to Sunday 09:00: the clocks go forward
    }

    [Fact]
    public void An_upper_layer_covers_the_lower_one_where_it_has_someone_and_overrides_cover_them_all()
    {
        var schedule = Schedule("UTC",
            [Weekly("ana", "ben"), new LayerDraft("weekend", "2026-11-28T00:00", TimeSpan.FromDays(7), ["cho"], [new RestrictionDraft(["saturday", "sunday"], "00:00", "23:59")])],
            [new OverrideDraft("eve", Utc("2026-12-01T12:00:00Z"), Utc("2026-12-01T18:00:00Z"))]);

        Assert.Equal(("ana", "weekly"), schedule.At(Utc("2026-12-01T11:59:00Z")));
        Assert.Equal(("eve", "override"), schedule.At(Utc("2026-12-01T12:00:00Z")));
        Assert.Equal(("ana", "weekly"), schedule.At(Utc("2026-12-01T18:00:00Z")));
        Assert.Equal(("cho", "weekend"), schedule.At(Utc("2026-12-05T10:00:00Z")));
    }

    [Fact]
    public void Follow_the_sun_is_layers_restricted_to_each_regions_day_with_people_from_different_teams()
    {
        var sun = Schedule("UTC",
        [
            new LayerDraft("apac", "2026-11-30T00:00", TimeSpan.FromDays(7), ["dan"], [new RestrictionDraft(["monday", "tuesday", "wednesday", "thursday", "friday"], "00:00", "08:00")]),
            new LayerDraft("emea", "2026-11-30T00:00", TimeSpan.FromDays(7), ["ana"], [new RestrictionDraft(["monday", "tuesday", "wednesday", "thursday", "friday"], "08:00", "16:00")]),
            new LayerDraft("americas", "2026-11-30T00:00", TimeSpan.FromDays(7), ["eve"], [new RestrictionDraft(["monday", "tuesday", "wednesday", "thursday", "friday"], "16:00", "23:59")]),
        ]);

        var day = sun.Between(Utc("2026-12-01T00:00:00Z"), Utc("2026-12-01T23:59:00Z"));

        Assert.Equal([("dan", "apac"), ("ana", "emea"), ("eve", "americas")], day.Select(shift => (shift.MemberId, shift.Source)));
        Assert.Equal([Utc("2026-12-01T00:00:00Z"), Utc("2026-12-01T08:00:00Z"), Utc("2026-12-01T16:00:00Z")], day.Select(shift => shift.From));
        Assert.Null(sun.At(Utc("2026-12-05T10:00:00Z"))); // Saturday: nobody
    }

    [Fact]
    public void A_timeline_longer_than_a_month_is_refused()
    {
        var schedule = Schedule("UTC", [Weekly("ana")]);

        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Between(Utc("2026-12-01T00:00:00Z"), Utc("2027-01-05T00:00:00Z")));
    }

    [Fact]
    public void Empty_rotations_unknown_people_and_zones_overlapping_overrides_and_bad_times_are_named()
    {
        var (schedule, errors) = OnCallSchedules.Check("database", new ScheduleDraft("", "Mars/Olympus",
            [
                new LayerDraft("empty", "2026-11-30T09:00", TimeSpan.FromDays(7), []),
                new LayerDraft("", "tomorrow", TimeSpan.FromMinutes(5), ["ana", "ana", "zed"], [new RestrictionDraft(["funday"], "17:00", "09:00")]),
            ],
            [
                new OverrideDraft("ana", Utc("2026-12-01T00:00:00Z"), Utc("2026-12-02T00:00:00Z")),
                new OverrideDraft("ben", Utc("2026-12-01T12:00:00Z"), Utc("2026-12-03T00:00:00Z")),
                new OverrideDraft("ghost", Utc("2026-12-05T00:00:00Z"), Utc("2026-12-06T00:00:00Z")),
            ]), Members);
        var named = errors.ToDictionary(error => error.Field, error => error.Message);

        Assert.Null(schedule);
        Assert.StartsWith("1 to 50 members: a rotation without participants pages nobody", named["layers[0].participants"], StringComparison.Ordinal);
        Assert.Equal("ana is named twice", named["layers[1].participants[1]"]);
        Assert.Equal("zed is a member of none of the tenant's teams", named["layers[1].participants[2]"]);
        Assert.Contains("layers[1].start", named.Keys);
        Assert.Contains("layers[1].rotation", named.Keys);
        Assert.Contains("layers[1].restrictions[0].days", named.Keys);
        Assert.Contains("layers[1].restrictions[0].to", named.Keys);
        Assert.Equal("overlaps overrides[0]: one person is on call instead of the layers at a time", named["overrides[1].from"]);
        Assert.Equal("ghost is a member of none of the tenant's teams", named["overrides[2].memberId"]);
        Assert.Contains("timeZone", named.Keys);
        Assert.Contains("name", named.Keys);
    }
}
