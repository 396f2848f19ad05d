using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class OnCallFirstTests
{
    [Theory]
    [InlineData(Severity.S1, false, true)]
    [InlineData(Severity.S2, true, true)]
    [InlineData(Severity.S2, false, false)]
    [InlineData(Severity.S4, false, false)]
    public void The_on_call_responder_is_paged_for_S1_and_after_hours(Severity severity, bool afterHours, bool paged) =>
        Assert.Equal(paged, OnCallFirst.Applies(severity, afterHours));

    [Fact]
    public void The_responder_is_offered_first_and_the_strategys_owner_backs_them_up()
    {
        Assert.Equal(new Assignment("dan", "ana"), OnCallFirst.Page(new Assignment("ana", "ben"), "dan"));
        Assert.Equal(new Assignment("ana", "ben"), OnCallFirst.Page(new Assignment("ana", "ben"), "ana")); // already the owner
        Assert.Equal(new Assignment("ben", "ana"), OnCallFirst.Page(new Assignment("ana", "ben"), "ben"));
    }

    [Fact]
    public void Staffing_says_when_fewer_than_two_members_are_on_shift()
    {
        static TeamMember Member(string id, bool onShift) => new(id, true, 0) { OnShift = onShift };
        var none = new HashSet<string>();

        Assert.True(RotationPool.Of([Member("ana", false), Member("ben", true)], null).Staff(AssignmentStrategy.RoundRobin, new Dictionary<string, Workload>(), none, "Desk", 0).AfterHours);
        Assert.False(RotationPool.Of([Member("ana", true), Member("ben", true)], null).Staff(AssignmentStrategy.RoundRobin, new Dictionary<string, Workload>(), none, "Desk", 0).AfterHours);
    }
}
