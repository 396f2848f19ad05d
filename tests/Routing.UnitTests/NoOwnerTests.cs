using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class NoOwnerTests
{
    [Fact]
    public void A_pool_staffs_a_case_only_with_an_owner_and_a_distinct_backup_besides_the_lead()
    {
        static TeamMember Member(string id) => new(id, Available: false, Capacity: 1); // away and full still count: work is never refused

        Assert.True(RotationPool.Of([Member("ana"), Member("ben"), Member("lee")], leadId: "lee").CanStaff);
        Assert.False(RotationPool.Of([Member("ana"), Member("lee")], leadId: "lee").CanStaff);
        Assert.False(RotationPool.Of([], leadId: null).CanStaff);
    }

    [Fact]
    public void Each_reason_says_what_is_missing_in_words()
    {
        Assert.Equal("no routing rule matches and no team takes technical issues", NoOwner.NoTeam(IssueType.Technical));
        Assert.Equal("the routing rule 'vip' names team 'gone', which does not exist",
            NoOwner.UnknownTeam(new TeamChoice("gone", "routing rule 'vip'")));
        Assert.Equal("Billing has 0 members besides its lead to take turns; an owner and a distinct backup need 2", NoOwner.TooFewMembers("Billing", 0));
        Assert.Equal("Billing has 1 member besides its lead to take turns; an owner and a distinct backup need 2", NoOwner.TooFewMembers("Billing", 1));
    }
}
