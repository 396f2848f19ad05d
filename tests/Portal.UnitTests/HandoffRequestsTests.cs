using EscalationPlatform.Portal.Components.Pages;
using EscalationPlatform.Portal.Gateway;

namespace Portal.UnitTests;

public sealed class HandoffRequestsTests
{
    [Fact]
    public void Each_team_and_each_person_but_the_owner_can_be_chosen()
    {
        var teams = new[]
        {
            new TeamInfo("billing", "Billing", [new TeamMember("leo", "Leonardo"), new TeamMember("luca", "Luca")]),
            new TeamInfo("support", "Support", [new TeamMember("ana", "Ana")]),
        };

        var receivers = HandoffRequests.Receivers(teams, currentOwnerId: "ana");

        Assert.Equal(["team:billing", "member:leo", "member:luca", "team:support"], receivers.Select(receiver => receiver.Value));
        Assert.Equal(["anyone on Billing", "Leonardo (Billing)", "Luca (Billing)", "anyone on Support"], receivers.Select(receiver => receiver.Label));
    }

    [Fact]
    public void The_body_names_the_receiver_by_kind_one_action_per_line_and_the_window_only_when_given()
    {
        var toPerson = HandoffRequests.Body("member:leo", " invoices ", " context ", "refunded once\n\n  checked the ledger \n", 30);
        var toTeam = HandoffRequests.Body("team:billing", "r", "c", "a", null);

        Assert.Equal("leo", toPerson["toMemberId"]);
        Assert.Equal(("invoices", "context"), (toPerson["reason"], toPerson["contextSummary"]));
        Assert.Equal(["refunded once", "checked the ledger"], (string[])toPerson["actionsTaken"]);
        Assert.Equal("00:30:00", toPerson["respondWithin"]);
        Assert.Equal("billing", toTeam["toTeamId"]);
        Assert.False(toTeam.ContainsKey("respondWithin"));
        Assert.False(HandoffRequests.Body(null, "r", "c", "a", null).ContainsKey("toTeamId")); // routing names the missing receiver
    }
}
