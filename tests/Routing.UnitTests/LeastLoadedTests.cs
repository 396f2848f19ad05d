using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class LeastLoadedTests
{
    private static Candidate Member(string id, int capacity = 10, params Severity[] open)
    {
        var workload = Workload.Of(open);
        return new(id, true, capacity, workload.Open) { WeightedLoad = workload.Weighted };
    }

    [Fact]
    public void The_owner_has_the_least_work_and_the_backup_the_next_least()
    {
        var team = new[] { Member("ana", 10, Severity.S3, Severity.S3), Member("ben", 10, Severity.S4), Member("cho", 10) };

        Assert.Equal(new Assignment("cho", "ben"), LeastLoaded.Pick(team));
    }

    [Fact]
    public void A_severe_case_weighs_more_than_several_minor_ones()
    {
        var team = new[] { Member("ana", 10, Severity.S1, Severity.S1), Member("ben", 10, Severity.S4, Severity.S4, Severity.S4), Member("cho", 10, Severity.S2, Severity.S2) };

        Assert.Equal(new Assignment("ben", "cho"), LeastLoaded.Pick(team)); // 3 against 6 and 8
    }

    [Fact]
    public void Load_is_measured_against_capacity()
    {
        var team = new[] { Member("ana", capacity: 2, Severity.S4), Member("ben", capacity: 20, Severity.S4, Severity.S4, Severity.S4) };

        Assert.Equal(new Assignment("ben", "ana"), LeastLoaded.Pick(team)); // 3 of 20 is lighter than 1 of 2
    }

    [Fact]
    public void Members_with_room_come_before_members_at_capacity_and_work_is_never_refused()
    {
        var full = new[] { Member("ana", capacity: 1, Severity.S4), Member("ben", capacity: 1, Severity.S1) };
        var oneWithRoom = new[] { Member("ana", capacity: 1, Severity.S4), Member("ben", capacity: 3, Severity.S1, Severity.S1) };

        Assert.Equal(new Assignment("ana", "ben"), LeastLoaded.Pick(full));
        Assert.Equal(new Assignment("ben", "ana"), LeastLoaded.Pick(oneWithRoom));
    }

    [Fact]
    public void Equal_loads_go_by_id_so_the_same_workloads_give_the_same_answer()
    {
        var team = new[] { Member("dev"), Member("ana"), Member("cho") };

        Assert.Equal(new Assignment("ana", "cho"), LeastLoaded.Pick(team));
        Assert.Equal(new Assignment("ana", "cho"), LeastLoaded.Pick([.. team.Reverse()]));
    }

    [Fact]
    public void A_team_of_one_cannot_name_a_distinct_backup()
    {
        Assert.Throws<InvalidOperationException>(() => LeastLoaded.Pick([Member("ana")]));
    }
}
