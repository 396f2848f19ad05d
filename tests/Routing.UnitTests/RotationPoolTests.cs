using Routing.Domain;

namespace Routing.UnitTests;

public sealed class RotationPoolTests
{
    private static readonly Dictionary<string, Workload> NothingOpen = [];
    private static readonly IReadOnlySet<string> NoSkills = new HashSet<string>();

    private static TeamMember Member(string id, bool available = true, int capacity = 0, bool onShift = true) => new(id, available, capacity) { OnShift = onShift };

    private static Dictionary<string, Workload> Open(params (string Member, int Count)[] open) =>
        open.ToDictionary(entry => entry.Member, entry => new Workload(entry.Count, entry.Count));

    private static Assignment? RoundRobinTurn(RotationPool pool, IReadOnlyDictionary<string, Workload> workloads, long turn) =>
        pool.Staff(AssignmentStrategy.RoundRobin, workloads, NoSkills, "Support", turn).Assignment;

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
            var assignment = RoundRobinTurn(pool, NothingOpen, turn)!;
            Assert.DoesNotContain("lee", new[] { assignment.OwnerId, assignment.BackupId });
        }
    }

    [Fact]
    public void Each_candidate_counts_the_open_escalations_it_owns_and_none_when_it_owns_none()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 3), Member("ben", available: false)], leadId: null);

        var candidates = pool.Candidates(new Dictionary<string, Workload> { ["ana"] = new(2, 7), ["someone-else"] = new(7, 7) });

        Assert.Equal([("ana", true, 3, 2, 7), ("ben", false, 0, 0, 0)],
            candidates.Select(member => (member.Id, member.Available, member.Capacity, member.OpenEscalations, member.WeightedLoad)));
    }

    [Fact]
    public void Members_at_capacity_are_left_out()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 2), Member("ben", capacity: 2), Member("cho", capacity: 2), Member("lee")], leadId: "lee");

        var assignment = RoundRobinTurn(pool, Open(("ana", 2), ("ben", 1)), turn: 0);

        Assert.Equal(new Assignment("ben", "cho"), assignment);
    }

    [Fact]
    public void When_everyone_is_at_capacity_the_turn_decides_and_work_is_not_refused()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 1), Member("ben", capacity: 1), Member("cho", capacity: 1)], leadId: null);

        var assignment = RoundRobinTurn(pool, Open(("ana", 1), ("ben", 1), ("cho", 1)), turn: 1);

        Assert.Equal(new Assignment("ben", "cho"), assignment);
    }

    [Fact]
    public void The_lead_having_room_does_not_save_a_pool_at_capacity()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 1), Member("ben", capacity: 1), Member("lee")], leadId: "lee");

        var assignment = RoundRobinTurn(pool, Open(("ana", 1), ("ben", 1)), turn: 1);

        Assert.Equal(new Assignment("ben", "ana"), assignment);
    }

    [Fact]
    public void Unavailable_members_are_left_out()
    {
        var pool = RotationPool.Of([Member("ana"), Member("ben", available: false), Member("cho"), Member("dev")], leadId: null);

        Assert.Equal(new Assignment("cho", "dev"), RoundRobinTurn(pool, NothingOpen, turn: 1));
    }

    [Fact]
    public void A_member_without_a_limit_always_has_room()
    {
        var pool = RotationPool.Of([Member("ana", capacity: 0), Member("ben", capacity: 1), Member("cho", capacity: 0)], leadId: null);

        Assert.Equal(new Assignment("cho", "ana"), RoundRobinTurn(pool, Open(("ana", 50), ("ben", 1)), turn: 1));
    }

    [Fact]
    public void Offered_and_accepted_escalations_count_against_capacity_and_finished_ones_do_not()
    {
        Assert.Equal(["Offered", "Accepted"], RotationPool.OpenStates);
    }

    [Fact]
    public void With_fewer_than_two_members_not_on_leave_nobody_is_named_and_the_reason_says_so()
    {
        var pool = RotationPool.Of([Member("ana"), Member("ben", available: false), Member("cho", available: false), Member("lee")], leadId: "lee");

        var staffing = pool.Staff(AssignmentStrategy.LeastLoaded, NothingOpen, NoSkills, "Billing", turn: 0);

        Assert.Null(staffing.Assignment);
        Assert.Equal("Billing has 1 member besides its lead who is not on leave; an owner and a distinct backup need 2", staffing.Reason);
    }

    [Fact]
    public void Members_off_shift_are_passed_over_while_two_are_on_shift()
    {
        var pool = RotationPool.Of([Member("ana", onShift: false), Member("ben"), Member("cho"), Member("dev", onShift: false)], leadId: null);

        for (var turn = 0L; turn < 4; turn++)
        {
            var assignment = RoundRobinTurn(pool, NothingOpen, turn)!;
            Assert.Equal(["ben", "cho"], new[] { assignment.OwnerId, assignment.BackupId }.Order());
        }
    }

    [Fact]
    public void After_hours_everyone_not_on_leave_is_a_candidate_so_the_case_still_gets_an_owner()
    {
        var pool = RotationPool.Of([Member("ana", onShift: false), Member("ben"), Member("cho", onShift: false, available: false)], leadId: null);

        Assert.Equal(new Assignment("ana", "ben"), pool.Staff(AssignmentStrategy.LeastLoaded, NothingOpen, NoSkills, "Support", 0).Assignment);
    }

    [Fact]
    public void Each_strategy_says_how_it_chose()
    {
        var pool = RotationPool.Of([Member("ana") with { Skills = ["billing"] }, Member("ben")], leadId: null);
        var billing = new HashSet<string> { "billing" };

        Assert.Equal("round-robin turn in Billing", pool.Staff(AssignmentStrategy.RoundRobin, NothingOpen, billing, "Billing", 0).Reason);
        Assert.Equal("least loaded in Billing", pool.Staff(AssignmentStrategy.LeastLoaded, NothingOpen, billing, "Billing", 0).Reason);
        Assert.Equal("best skills match in Billing", pool.Staff(AssignmentStrategy.SkillsMatch, NothingOpen, billing, "Billing", 0).Reason);
    }

    [Fact]
    public void Skills_match_with_nobody_having_any_needed_skill_names_nobody_and_the_skills()
    {
        var pool = RotationPool.Of([Member("ana") with { Skills = ["sso"] }, Member("ben")], leadId: null);

        var staffing = pool.Staff(AssignmentStrategy.SkillsMatch, NothingOpen, new SortedSet<string> { "billing", "invoices" }, "Billing", 0);

        Assert.Null(staffing.Assignment);
        Assert.Equal("nobody available in Billing has any of the skills this case needs (billing, invoices)", staffing.Reason);
    }
}
