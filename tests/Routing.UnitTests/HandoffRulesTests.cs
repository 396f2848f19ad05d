using Routing.Domain;

namespace Routing.UnitTests;

public sealed class HandoffRulesTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static readonly HandoffDraft Complete = new(
        ToMemberId: "ben", Reason: "needs database access", ContextSummary: "Exports time out since the upgrade", ActionsTaken: ["restarted the export workers"]);

    private static IReadOnlyDictionary<string, string> Errors(HandoffDraft draft) =>
        HandoffRules.Check(draft, Window).Errors.ToDictionary(error => error.Field, error => error.Message);

    [Fact]
    public void A_complete_handoff_takes_the_severitys_window_when_none_is_given()
    {
        var (handoff, errors) = HandoffRules.Check(Complete with { Reason = "  needs database access " }, Window);

        Assert.Empty(errors);
        Assert.Equal(new HandoffSpec(null, "ben", "needs database access", "Exports time out since the upgrade", handoff!.ActionsTaken, Window), handoff);
        Assert.Equal(["restarted the export workers"], handoff.ActionsTaken);
    }

    [Fact]
    public void Without_the_actions_already_taken_or_with_both_or_no_receiver_every_field_is_named()
    {
        var errors = Errors(new HandoffDraft(ToTeamId: "billing", ToMemberId: "ben", ActionsTaken: [], RespondWithin: TimeSpan.FromSeconds(1)));

        Assert.Equal(["actionsTaken", "contextSummary", "reason", "respondWithin", "toTeamId"], errors.Keys.Order());
        Assert.StartsWith("1 to 20 actions already taken", errors["actionsTaken"], StringComparison.Ordinal);
        Assert.Equal("name either a team (toTeamId) or a person (toMemberId), not both", errors["toTeamId"]);
        Assert.Contains("toTeamId", Errors(Complete with { ToMemberId = " " }).Keys);
        Assert.Contains("actionsTaken", Errors(Complete with { ActionsTaken = ["ok", null] }).Keys);
    }

    [Fact]
    public void The_owner_the_team_lead_and_managers_may_hand_a_case_off()
    {
        Assert.True(HandoffRules.MayRequest("ana", isManager: false, ownerId: "ana", leadId: "lee"));
        Assert.True(HandoffRules.MayRequest("lee", isManager: false, ownerId: "ana", leadId: "lee"));
        Assert.True(HandoffRules.MayRequest("mia", isManager: true, ownerId: "ana", leadId: "lee"));
        Assert.False(HandoffRules.MayRequest("ben", isManager: false, ownerId: "ana", leadId: "lee"));
    }

    [Fact]
    public void The_person_asked_or_for_a_team_any_member_answers_and_after_a_move_up_only_the_lead()
    {
        string[] team = ["sam", "tia", "lea"];

        Assert.True(HandoffRules.MayAnswer("ben", HandoffLevel.Receiver, "ben", team, "lea"));
        Assert.False(HandoffRules.MayAnswer("sam", HandoffLevel.Receiver, "ben", team, "lea"));
        Assert.True(HandoffRules.MayAnswer("tia", HandoffLevel.Receiver, askedMemberId: null, team, "lea"));
        Assert.False(HandoffRules.MayAnswer("ben", HandoffLevel.Receiver, askedMemberId: null, team, "lea"));
        Assert.True(HandoffRules.MayAnswer("lea", HandoffLevel.TeamLead, "lea", team, "lea"));
        Assert.False(HandoffRules.MayAnswer("ben", HandoffLevel.TeamLead, "lea", team, "lea"));
    }

    [Fact]
    public void An_unanswered_handoff_goes_to_the_receiving_teams_lead_once_and_then_expires()
    {
        Assert.Equal(HandoffLevel.TeamLead, HandoffRules.NextLevel(HandoffLevel.Receiver, "ben", "lea"));
        Assert.Equal(HandoffLevel.TeamLead, HandoffRules.NextLevel(HandoffLevel.Receiver, askedMemberId: null, "lea"));
        Assert.Null(HandoffRules.NextLevel(HandoffLevel.Receiver, "lea", "lea")); // the lead was asked already
        Assert.Null(HandoffRules.NextLevel(HandoffLevel.Receiver, "ben", teamLeadId: null));
        Assert.Null(HandoffRules.NextLevel(HandoffLevel.TeamLead, "lea", "lea"));
    }
}
