using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class OfferLadderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly OfferParties WithLead = new("ana", "ben", "lee");
    private static readonly OfferParties WithoutLead = new("ana", "ben", null);

    [Fact]
    public void The_first_offer_goes_to_the_owner_for_one_window_and_names_the_routing_decision_and_how_the_owner_was_chosen()
    {
        var first = OfferLadder.First(WithLead, new TeamChoice("support", "routing rule 'all S1s'"), "round-robin turn in Support", Window, Now);

        Assert.Equal(new OfferStep(OfferLevel.Owner, "ana", "routing rule 'all S1s', round-robin turn in Support", Now + Window), first);
    }

    [Fact]
    public void An_unanswered_offer_to_the_owner_moves_to_the_backup_with_a_fresh_window()
    {
        var next = OfferLadder.Next(OfferLevel.Owner, WithLead, Window, Now);

        Assert.Equal(new OfferStep(OfferLevel.Backup, "ben", "no acknowledgement within 5 minutes", Now + Window), next);
    }

    [Fact]
    public void An_unanswered_offer_to_the_backup_moves_to_the_team_lead()
    {
        var next = OfferLadder.Next(OfferLevel.Backup, WithLead, Window, Now);

        Assert.Equal(new OfferStep(OfferLevel.TeamLead, "lee", "no acknowledgement within 5 minutes", Now + Window), next);
    }

    [Fact]
    public void The_team_lead_is_the_top_of_the_ladder()
    {
        Assert.Null(OfferLadder.Next(OfferLevel.TeamLead, WithLead, Window, Now));
        Assert.False(OfferLadder.CanMoveUp(OfferLevel.TeamLead, WithLead));
    }

    [Fact]
    public void Without_a_team_lead_the_backup_is_the_top_of_the_ladder()
    {
        Assert.True(OfferLadder.CanMoveUp(OfferLevel.Owner, WithoutLead));
        Assert.Equal("ben", OfferLadder.Next(OfferLevel.Owner, WithoutLead, Window, Now)!.OfferedToId);
        Assert.False(OfferLadder.CanMoveUp(OfferLevel.Backup, WithoutLead));
        Assert.Null(OfferLadder.Next(OfferLevel.Backup, WithoutLead, Window, Now));
    }

    [Fact]
    public void With_a_team_lead_owner_and_backup_can_move_up()
    {
        Assert.True(OfferLadder.CanMoveUp(OfferLevel.Owner, WithLead));
        Assert.True(OfferLadder.CanMoveUp(OfferLevel.Backup, WithLead));
    }

    [Theory]
    [InlineData(300, "no acknowledgement within 5 minutes")]
    [InlineData(90, "no acknowledgement within 1.5 minutes")]
    [InlineData(60, "no acknowledgement within 1 minutes")]
    [InlineData(30, "no acknowledgement within 30 seconds")]
    [InlineData(2.5, "no acknowledgement within 2.5 seconds")]
    [InlineData(14400, "no acknowledgement within 240 minutes")]
    public void The_reason_names_the_window_in_minutes_or_below_one_minute_in_seconds(double seconds, string reason)
    {
        Assert.Equal(reason, OfferLadder.Unanswered(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(reason, OfferLadder.Next(OfferLevel.Owner, WithLead, TimeSpan.FromSeconds(seconds), Now)!.Reason);
    }
}
