using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class OfferLadderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_first_offer_runs_for_its_window_and_names_the_routing_decision_and_how_the_owner_was_chosen()
    {
        var first = OfferLadder.First(OfferLevel.Owner, "ana", new TeamChoice("support", "routing rule 'all S1s'"), "round-robin turn in Support", Window, Now);

        Assert.Equal(new OfferStep(OfferLevel.Owner, "ana", "routing rule 'all S1s', round-robin turn in Support", Now + Window), first);
    }

    [Fact]
    public void An_offer_that_moves_says_how_long_the_last_one_waited_and_gets_its_own_window()
    {
        var level = new PlannedLevel(OfferLevel.Schedule, "db-on-call", TimeSpan.FromMinutes(2), LevelCondition.Always, "Database", 0);

        var next = OfferLadder.Next(level, "dan", Window, TimeSpan.FromMinutes(2), Now);

        Assert.Equal(new OfferStep(OfferLevel.Schedule, "dan", "no acknowledgement within 5 minutes", Now + TimeSpan.FromMinutes(2)), next);
    }

    [Fact]
    public void An_offer_in_a_repeat_of_the_policy_says_which_repeat()
    {
        var level = new PlannedLevel(OfferLevel.Owner, null, null, LevelCondition.Always, "Database", 2);

        Assert.Equal("no acknowledgement within 5 minutes; Database, repeat 2", OfferLadder.Next(level, "ana", Window, Window, Now).Reason);
    }

    [Theory]
    [InlineData(300, "no acknowledgement within 5 minutes")]
    [InlineData(90, "no acknowledgement within 1.5 minutes")]
    [InlineData(60, "no acknowledgement within 1 minutes")]
    [InlineData(30, "no acknowledgement within 30 seconds")]
    [InlineData(2.5, "no acknowledgement within 2.5 seconds")]
    [InlineData(14400, "no acknowledgement within 240 minutes")]
    public void The_reason_names_the_window_in_minutes_or_below_one_minute_in_seconds(double seconds, string reason) =>
        Assert.Equal(reason, OfferLadder.Unanswered(TimeSpan.FromSeconds(seconds)));
}
