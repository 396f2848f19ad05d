using EscalationPlatform.Portal.Components.Pages;

namespace Portal.UnitTests;

public sealed class ChecklistEditorsTests
{
    private static object? Answer(string fact, string? text, TimeZoneInfo? zone = null) =>
        ChecklistEditors.ByFact[fact].Value(text, zone ?? Zones.PlusTwo);

    [Fact]
    public void A_list_is_split_on_commas_trimmed_and_without_empty_entries() =>
        Assert.Equal(["api", "web console", "billing"], Assert.IsType<string[]>(Answer("context.affectedServices", " api,web console ,, billing,")));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public void Yes_and_no_are_true_and_false(string text, bool expected) =>
        Assert.Equal(expected, Answer("context.mfaInvolved", text));

    [Theory]
    [InlineData("1250.75", 1250.75)]
    [InlineData(" 42 ", 42)]
    [InlineData("1,000", 1000)]
    public void A_number_is_read_whatever_the_viewers_culture(string text, double expected) =>
        Assert.Equal((decimal)expected, Answer("context.amount", text));

    [Theory]
    [InlineData("lots")]
    [InlineData("12 EUR")]
    public void A_number_that_is_not_one_is_no_answer(string text) =>
        Assert.Null(Answer("context.amount", text));

    [Fact]
    public void A_date_and_time_is_taken_in_the_viewers_time_zone()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(2)), Answer("context.firstSeenAt", "2026-03-10T09:30"));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(-5)), Answer("context.firstSeenAt", "2026-03-10T09:30", Zones.MinusFive));
    }

    [Theory]
    [InlineData("2026-03-10T09:30:00Z", 9, 30)]
    [InlineData("2026-03-10T09:30:00+05:30", 4, 0)]
    public void A_date_and_time_that_names_its_own_offset_keeps_its_instant(string text, int utcHour, int utcMinute)
    {
        var at = Assert.IsType<DateTimeOffset>(Answer("context.detectedAt", text));

        Assert.Equal(new DateTimeOffset(2026, 3, 10, utcHour, utcMinute, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-02-30T10:00")]
    [InlineData("10:99")]
    public void A_date_that_is_not_one_is_no_answer(string text) =>
        Assert.Null(Answer("urgency.deadline", text));

    [Theory]
    [InlineData("context.errorMessages")]
    [InlineData("context.affectedServices")]
    [InlineData("context.firstSeenAt")]
    [InlineData("context.mfaInvolved")]
    [InlineData("context.amount")]
    public void An_empty_answer_is_no_answer(string fact)
    {
        Assert.Null(Answer(fact, null));
        Assert.Null(Answer(fact, "   "));
    }

    [Fact]
    public void Text_is_trimmed() =>
        Assert.Equal("Pressed save twice", Answer("context.attempted", "  Pressed save twice \n"));

    [Fact]
    public void Every_answer_goes_to_the_context_or_the_urgency()
    {
        Assert.All(ChecklistEditors.ByFact, pair => Assert.Equal(pair.Key, $"{pair.Value.Section}.{pair.Value.Field}"));
        Assert.Equal("urgency", ChecklistEditors.ByFact["urgency.deadline"].Section);
    }

    [Fact]
    public void The_impact_scope_is_asked_elsewhere_and_an_item_is_asked_by_the_first_fact_with_an_editor()
    {
        Assert.Null(ChecklistEditors.For(new("impact-scope", "the impact scope", ["impact.scope"])));
        Assert.Equal("context.logLinks", ChecklistEditors.For(new("evidence", "logs or a reproduction", ["context.nothingKnown", "context.logLinks"]))!.Value.Fact);
        Assert.Null(ChecklistEditors.For(new("vague", "something the portal cannot ask for", ["productArea"])));
    }
}
