using EscalationPlatform.Portal.Components.Pages;

namespace Portal.UnitTests;

public sealed class ChecklistEditorsTests
{
    private static object? Answer(string item, string? text, TimeZoneInfo? zone = null) =>
        ChecklistEditors.ById[item].Value(text, zone ?? Zones.PlusTwo);

    [Fact]
    public void A_list_is_split_on_commas_trimmed_and_without_empty_entries() =>
        Assert.Equal(["api", "web console", "billing"], Assert.IsType<string[]>(Answer("affected-service", " api,web console ,, billing,")));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public void Yes_and_no_are_true_and_false(string text, bool expected) =>
        Assert.Equal(expected, Answer("mfa-involved", text));

    [Theory]
    [InlineData("1250.75", 1250.75)]
    [InlineData(" 42 ", 42)]
    [InlineData("1,000", 1000)]
    public void A_number_is_read_whatever_the_viewers_culture(string text, double expected) =>
        Assert.Equal((decimal)expected, Answer("amount", text));

    [Theory]
    [InlineData("lots")]
    [InlineData("12 EUR")]
    public void A_number_that_is_not_one_is_no_answer(string text) =>
        Assert.Null(Answer("amount", text));

    [Fact]
    public void A_date_and_time_is_taken_in_the_viewers_time_zone()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(2)), Answer("first-seen", "2026-03-10T09:30"));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(-5)), Answer("first-seen", "2026-03-10T09:30", Zones.MinusFive));
    }

    [Theory]
    [InlineData("2026-03-10T09:30:00Z", 9, 30)]
    [InlineData("2026-03-10T09:30:00+05:30", 4, 0)]
    public void A_date_and_time_that_names_its_own_offset_keeps_its_instant(string text, int utcHour, int utcMinute)
    {
        var at = Assert.IsType<DateTimeOffset>(Answer("detected-at", text));

        Assert.Equal(new DateTimeOffset(2026, 3, 10, utcHour, utcMinute, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-02-30T10:00")]
    [InlineData("10:99")]
    public void A_date_that_is_not_one_is_no_answer(string text) =>
        Assert.Null(Answer("deadline", text));

    [Theory]
    [InlineData("error-or-logs")]
    [InlineData("affected-service")]
    [InlineData("first-seen")]
    [InlineData("mfa-involved")]
    [InlineData("amount")]
    public void An_empty_answer_is_no_answer(string item)
    {
        Assert.Null(Answer(item, null));
        Assert.Null(Answer(item, "   "));
    }

    [Fact]
    public void Text_is_trimmed() =>
        Assert.Equal("Pressed save twice", Answer("attempted", "  Pressed save twice \n"));

    [Fact]
    public void Every_answer_goes_to_the_context_or_the_urgency()
    {
        Assert.All(ChecklistEditors.ById.Values, editor => Assert.Contains(editor.Section, new[] { "context", "urgency" }));
        Assert.Equal("urgency", ChecklistEditors.ById["deadline"].Section);
    }

    [Fact]
    public void The_impact_scope_is_asked_elsewhere_and_nothing_else_is()
    {
        Assert.True(ChecklistEditors.AskedElsewhere("impact-scope"));
        Assert.False(ChecklistEditors.AskedElsewhere("error-or-logs"));
    }
}
