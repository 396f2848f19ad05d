using Routing.Domain;

namespace Routing.UnitTests;

public sealed class RotationPoolTests
{
    private static readonly Dictionary<string, int> NothingOpen = [];

    private static TeamMember Member(string id, bool available = true, int capacity = 0) => new(id, available, capacity);

    [Fact]
    public void The_pool_is_the_team_without_its_lead()
    {
        var pool = RotationPool.Of([Member("ana"), Member("lee"), Member("ben")], leadId: "lee");

        Assert.Equal(["ana", "ben"], pool.MemberIds);
    }

    [Fact]
    public void A_team_without_a_lead_rotates_everyone()
    {
        var pool = RotationPool.Of([Member("ana"), Member("ben"), Member("cho")], leadId: null);

        Assert.Equal(["ana", "ben", "cho"], pool.MemberIds);
    }

    [Fact]
    public void The_lead_is_never_picked_as_owner_or_backup()
    {
        var pool = RotationPool.Of([Member("ana"), Member("ben"), Member("lee")], leadId: "lee");

        for (var turn = 0L; turn < 4; turn++)
        {
            var assignment = pool.Pick(NothingOpen, turn);
            Assert.DoesNotContain("lee", new[] { assignment.OwnerId, assignment.BackupId });
        }
    }

    [Fact]
    public void Each_candidate_counts_the_open_escalations_it_owns_and_none_when_it_owns_none()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 3), Member("ben", available: false)], leadId: null);

        Assert.Equal(
            [new Candidate("ana", true, 3, 2), new Candidate("ben", false, 0, 0)],
            pool.Candidates(new Dictionary<string, int> { ["ana"] = 2, ["someone-else"] = 7 }));
    }

    [Fact]
    public void Members_at_capacity_are_left_out()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 2), Member("ben", capacity: 2), Member("cho", capacity: 2), Member("lee")], leadId: "lee");

        var assignment = pool.Pick(new Dictionary<string, int> { ["ana"] = 2, ["ben"] = 1 }, turn: 0);

        Assert.Equal(new Assignment("ben", "cho"), assignment);
    }

    [Fact]
    public void When_everyone_is_at_capacity_the_turn_decides_and_work_is_not_refused()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 1), Member("ben", capacity: 1), Member("cho", capacity: 1)], leadId: null);

        var assignment = pool.Pick(new Dictionary<string, int> { ["ana"] = 1, ["ben"] = 1, ["cho"] = 1 }, turn: 1);

        Assert.Equal(new Assignment("ben", "cho"), assignment);
    }

    [Fact]
    public void The_lead_having_room_does_not_save_a_pool_at_capacity()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 1), Member("ben", capacity: 1), Member("lee")], leadId: "lee");

        var assignment = pool.Pick(new Dictionary<string, int> { ["ana"] = 1, ["ben"] = 1 }, turn: 1);

        Assert.Equal(new Assignment("ben", "ana"), assignment);
    }

    [Fact]
    public void Unavailable_members_are_left_out()
    {
        var pool = RotationPool.Of([Member("ana"), Member("ben", available: false), Member("cho"), Member("dev")], leadId: null);

        Assert.Equal(new Assignment("cho", "dev"), pool.Pick(NothingOpen, turn: 1));
    }

    [Fact]
    public void A_member_without_a_limit_always_has_room()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 0), Member("ben", capacity: 1), Member("cho", capacity: 0)], leadId: null);

        Assert.Equal(new Assignment("cho", "ana"), pool.Pick(new Dictionary<string, int> { ["ana"] = 50, ["ben"] = 1 }, turn: 1));
    }

    [Fact]
    public void Offered_and_accepted_escalations_count_against_capacity_and_finished_ones_do_not()
    {
        Assert.Equal(["Offered", "Accepted"], RotationPool.OpenStates);
    }
}
