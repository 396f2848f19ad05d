using Routing.Domain;

namespace Routing.UnitTests;

public sealed class RoundRobinTests
{
    private static Candidate Member(string id, bool available = true, int capacity = 0, int open = 0) => new(id, available, capacity, open);

    [Fact]
    public void Turns_go_round_the_team_evenly()
    {
        var team = new[] { Member("dev"), Member("ana"), Member("cho"), Member("ben") };
        var counts = team.ToDictionary(member => member.Id, _ => 0);

        for (var turn = 0L; turn < 400; turn++)
        {
            counts[RoundRobin.Pick(team, turn).OwnerId]++;
        }

        Assert.All(counts.Values, count => Assert.Equal(100, count));
    }

    [Fact]
    public void The_backup_is_the_member_of_the_next_turn_and_never_the_owner()
    {
        var team = new[] { Member("ana"), Member("ben"), Member("cho") };

        Assert.Equal(new Assignment("ana", "ben"), RoundRobin.Pick(team, 0));
        Assert.Equal(new Assignment("cho", "ana"), RoundRobin.Pick(team, 2));
    }

    [Fact]
    public void Turns_beyond_the_team_size_wrap_around()
    {
        var team = new[] { Member("ana"), Member("cho") };

        Assert.Equal(new Assignment("cho", "ana"), RoundRobin.Pick(team, 1_000_001));
    }

    [Fact]
    public void Members_who_are_away_are_left_out_of_the_rotation()
    {
        var team = new[] { Member("ana"), Member("ben", available: false), Member("cho") };

        Assert.Equal(new Assignment("cho", "ana"), RoundRobin.Pick(team, 1));
        Assert.Equal(new Assignment("ana", "cho"), RoundRobin.Pick(team, 2));
    }

    [Fact]
    public void Members_at_capacity_are_left_out_while_others_have_room()
    {
        var team = new[] { Member("ana", capacity: 2, open: 2), Member("ben", capacity: 2, open: 1), Member("cho", capacity: 2, open: 0) };

        Assert.Equal(new Assignment("ben", "cho"), RoundRobin.Pick(team, 0));
    }

    [Fact]
    public void When_everyone_is_at_capacity_the_turn_alone_decides()
    {
        var team = new[] { Member("ana", capacity: 1, open: 1), Member("ben", capacity: 1, open: 1), Member("cho", capacity: 1, open: 1) };

        Assert.Equal(new Assignment("cho", "ana"), RoundRobin.Pick(team, 2));
    }

    [Fact]
    public void A_team_of_one_cannot_name_a_distinct_backup()
    {
        Assert.Throws<InvalidOperationException>(() => RoundRobin.Pick([Member("ana")], 0));
    }
}
