using Intake.Api.Changes;

namespace Intake.UnitTests;

public sealed class ChangeFeedTests
{
    private static List<Guid?> Taken(ChangeFeed.Follower follower)
    {
        var taken = new List<Guid?>();
        while (follower.TryTake(out var change))
        {
            taken.Add(change);
        }

        return taken;
    }

    [Fact]
    public void A_tenants_follower_hears_its_tenants_records_and_a_cases_follower_that_case_only_timeline_notes_included()
    {
        var feed = new ChangeFeed();
        using var tenant = feed.Follow("t-1", null);
        using var one = feed.Follow("t-1", Guid.Parse("00000000-0000-0000-0000-000000000001"));
        var (first, other, foreign) = (Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.NewGuid(), Guid.NewGuid());

        feed.Changed(first, "t-1");
        feed.Changed(other, "t-1");
        feed.Changed(foreign, "t-2");
        feed.Changed(first, null); // only its timeline: no tenant is named

        Assert.Equal([first, other], Taken(tenant));
        Assert.Equal([first, first], Taken(one));
    }

    [Fact]
    public void A_follower_that_falls_behind_is_told_to_read_everything_again_instead_of_losing_changes_silently()
    {
        var feed = new ChangeFeed();
        using var slow = feed.Follow("t-1", null);
        for (var i = 0; i < ChangeFeed.Backlog + 10; i++)
        {
            feed.Changed(Guid.NewGuid(), "t-1");
        }

        Assert.Equal([null], Taken(slow));
        feed.Changed(Guid.Empty, "t-1");
        Assert.Equal([Guid.Empty], Taken(slow)); // and then hears changes again
    }

    [Fact]
    public void A_lost_or_renewed_listener_makes_every_follower_read_everything_again_and_a_gone_follower_hears_nothing()
    {
        var feed = new ChangeFeed();
        using var follower = feed.Follow("t-1", null);
        var gone = feed.Follow("t-1", null);
        gone.Dispose();

        feed.Lost();
        feed.Listening();

        Assert.Equal([null, null], Taken(follower));
        Assert.Equal(1, feed.Followers);
        Assert.Empty(Taken(gone));
    }
}
