using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class TeamDirectoryTests
{
    private static MemberDraft Member(string id, int? capacity = null, params WorkingHoursDraft[] hours) =>
        new(id, id.ToUpperInvariant(), $"{id}@acme.example", "Europe/Berlin", capacity, null, ["billing"], hours);

    private static readonly TeamDraft Valid = new("Payments", "Europe/Berlin", "lee", ["billing", "other"],
        [Member("ana", 5, new WorkingHoursDraft("monday", "09:00", "17:30")), Member("ben"), Member("lee")]);

    private static IReadOnlyDictionary<string, string> Errors(string id, TeamDraft draft) =>
        TeamDirectory.Check(id, draft).Errors.ToDictionary(error => error.Field, error => error.Message);

    [Fact]
    public void A_valid_team_becomes_its_spec_with_typed_issue_types_hours_and_no_limit_where_no_capacity_is_given()
    {
        var (team, errors) = TeamDirectory.Check("payments", Valid);

        Assert.Empty(errors);
        Assert.Equal(("payments", "Payments", "Europe/Berlin", "lee"), (team!.Id, team.Name, team.TimeZone, team.LeadMemberId));
        Assert.Equal([IssueType.Billing, IssueType.Other], team.DefaultFor);
        Assert.Equal([5, null, null], team.Members.Select(member => member.Capacity));
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 30)), Assert.Single(team.Members[0].WorkingHours));
        Assert.All(team.Members, member => Assert.True(member.Available));
        Assert.Equal(AssignmentStrategy.RoundRobin, team.Strategy);
    }

    [Theory]
    [InlineData("round-robin", AssignmentStrategy.RoundRobin)]
    [InlineData("least-loaded", AssignmentStrategy.LeastLoaded)]
    [InlineData("skills-match", AssignmentStrategy.SkillsMatch)]
    public void A_team_chooses_its_assignment_strategy(string strategy, AssignmentStrategy expected)
    {
        Assert.Equal(expected, TeamDirectory.Check("payments", Valid with { Strategy = strategy }).Team!.Strategy);
    }

    [Fact]
    public void An_unknown_strategy_is_named_with_the_strategies_there_are()
    {
        Assert.Equal("one of round-robin, least-loaded, skills-match", Errors("payments", Valid with { Strategy = "LeastLoaded" })["strategy"]);
    }

    [Fact]
    public void Every_bad_field_is_named_with_what_is_allowed_and_nothing_is_returned()
    {
        var draft = new TeamDraft("", "Mars/Olympus", "nobody", ["billing", "billing", "hardware"],
        [
            Member("ana", 0), Member("ana"), Member("Bad Id", -1),
            new MemberDraft("cho", "Cho", "not-an-address", "UTC", 1_001, true, null,
                [new("funday", "09:00", "17:00"), new("tuesday", "18:00", "09:00"), new("tuesday", "9am", "5pm")]),
        ]);

        var (team, _) = TeamDirectory.Check("Payments!", draft);
        var errors = Errors("Payments!", draft);

        Assert.Null(team);
        Assert.Equal(
            [
                "defaultFor[1]", "defaultFor[2]", "id", "leadMemberId", "members[0].capacity", "members[1].id", "members[2].capacity", "members[2].email", "members[2].id",
                "members[3].capacity", "members[3].email", "members[3].workingHours[0].day", "members[3].workingHours[1].closes", "members[3].workingHours[2]",
                "name", "timeZone",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("an IANA time zone, such as Europe/Berlin or America/New_York", errors["timeZone"]);
        Assert.Equal("1 to 1000 open escalations, or leave it out for no limit", errors["members[0].capacity"]);
        Assert.Equal("ana is named twice", errors["members[1].id"]);
        Assert.Equal("nobody is not one of the team's members", errors["leadMemberId"]);
        Assert.StartsWith("one of technical, billing", errors["defaultFor[2]"], StringComparison.Ordinal);
        Assert.Equal("after the opening time (18:00)", errors["members[3].workingHours[1].closes"]);
    }

    [Theory]
    [InlineData("/etc/localtime")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/../Europe/Berlin")]
    [InlineData("")]
    public void A_time_zone_is_a_zone_name_never_a_path(string zone) =>
        Assert.Contains("timeZone", Errors("payments", Valid with { TimeZone = zone }).Keys);

    [Fact]
    public void A_team_needs_members_and_at_most_the_limit() =>
        Assert.Equal("1 to 200 members", Errors("payments", Valid with { Members = [] })["members"]);

    [Fact]
    public void Null_members_and_days_are_named_not_fallen_over()
    {
        var errors = Errors("payments", Valid with { Members = [Member("ana"), null, Member("lee") with { WorkingHours = [null] }] });

        Assert.Equal("a member (id, name, email, timeZone), not null", errors["members[1]"]);
        Assert.Equal("a day with opens and closes, not null", errors["members[2].workingHours[0]"]);
    }

    [Fact]
    public void A_team_read_and_written_back_may_carry_its_own_id_but_no_other()
    {
        Assert.Empty(Errors("payments", Valid with { Id = "payments" }));
        Assert.Equal(["id"], Errors("payments", Valid with { Id = "billing" }).Keys);
    }
}
