using Triage.Domain.Knowledge;

namespace Triage.UnitTests.Knowledge;

public sealed class ChangeEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_change_without_a_time_happened_when_it_was_posted()
    {
        var (change, problems) = ChangeEvents.Check(new ChangeEventDraft(" Deployed billing 5.3 ", "deployment", "ci", "billing", "5.3"), Now);

        Assert.Empty(problems);
        Assert.Equal(new ChangeEvent("Deployed billing 5.3", ChangeKind.Deployment, "ci", "billing", "5.3", Now, null), change);
    }

    [Fact]
    public void Each_problem_is_named_with_what_is_allowed()
    {
        var (_, problems) = ChangeEvents.Check(new ChangeEventDraft(
            Summary: "", Kind: "release", Source: new string('s', 256), ProductArea: "bill\ning", At: Now.AddMinutes(6), Link: "ftp://example.com/x"), Now);

        Assert.Equal("required", problems["summary"]);
        Assert.Equal("one of deployment, change", problems["kind"]);
        Assert.Equal("at most 255 characters", problems["source"]);
        Assert.Equal("one line, without control characters", problems["productArea"]);
        Assert.StartsWith("not more than 5 minutes ahead", problems["at"], StringComparison.Ordinal);
        Assert.Equal("an absolute http or https address", problems["link"]);
    }

    [Fact]
    public void A_change_may_be_reported_afterwards_but_not_from_long_ago()
    {
        Assert.Empty(ChangeEvents.Check(new ChangeEventDraft("Flag on", At: Now.AddDays(-89)), Now).Problems);
        Assert.Equal("within the last 90 days", ChangeEvents.Check(new ChangeEventDraft("Flag on", At: Now.AddDays(-91)), Now).Problems["at"]);
        Assert.Empty(ChangeEvents.Check(new ChangeEventDraft("Flag on", At: Now.AddMinutes(5)), Now).Problems);
    }
}

public sealed class ChangeCorrelationTests
{
    private static readonly DateTimeOffset FirstSeen = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static ChangeEvent Change(string summary, int minutesBefore, string? area = "billing", string? release = null) =>
        new(summary, ChangeKind.Deployment, null, area, release, FirstSeen.AddMinutes(-minutesBefore), null);

    private static IReadOnlyList<string> Before(IEnumerable<ChangeEvent> changes, string? area = "billing", string? release = null) =>
        [.. ChangeCorrelation.Before(changes, change => change, area, release, FirstSeen).Select(change => change.Summary)];

    [Fact]
    public void The_changes_of_the_area_within_two_hours_before_newest_first_both_ends_included()
    {
        var changes = new[]
        {
            Change("two hours before", 120), Change("ten minutes before", 10), Change("at the moment", 0),
            Change("a moment too early", 121), Change("after it", -1),
        };

        Assert.Equal(["at the moment", "ten minutes before", "two hours before"], Before(changes));
    }

    [Fact]
    public void Another_area_does_not_count_but_the_same_release_does_and_case_is_ignored()
    {
        var changes = new[] { Change("exports deploy", 5, area: "exports"), Change("BILLING flag", 6, area: "BILLING"), Change("5.3 rollout", 7, area: null, release: "5.3") };

        Assert.Equal(["BILLING flag", "5.3 rollout"], Before(changes, release: "5.3"));
        Assert.Empty(Before(changes, area: null));
    }
}
