using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

/// <summary>The checks of an escalation policy as a manager writes it: every failure named by its field, and a
/// chain of policies that comes back to itself refused as a loop.</summary>
public sealed class EscalationPoliciesTests
{
    private static readonly PolicyReferences Known = new(
        new HashSet<string> { "ana", "vp" }, new HashSet<string> { "db-on-call", "managers" }, new HashSet<string> { "database", "support" },
        new Dictionary<string, string?> { ["leadership"] = null, ["b"] = "c", ["c"] = "a" });

    private static PolicyDraft Valid() => new("Database", [
        new("owner"),
        new("schedule", "db-on-call", TimeSpan.FromMinutes(10), new(["S1", "S2"], ["saturday", "sunday"], "18:00", "08:00")),
        new("team-lead"),
    ], 1, "leadership");

    [Fact]
    public void A_valid_policy_is_read_with_its_levels_conditions_repeats_and_next_policy()
    {
        var (policy, errors) = EscalationPolicies.Check("database", Valid(), Known);

        Assert.Empty(errors);
        Assert.Equal(("Database", 1, "leadership"), (policy!.Name, policy.Repeats, policy.ContinueWith));
        Assert.Equal([OfferLevel.Owner, OfferLevel.Schedule, OfferLevel.TeamLead], policy.Levels.Select(level => level.Target));
        var schedule = policy.Levels[1];
        Assert.Equal(("db-on-call", TimeSpan.FromMinutes(10)), (schedule.TargetId, schedule.Delay));
        Assert.Equal([Severity.S1, Severity.S2], schedule.When.Severities);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], schedule.When.Days);
        Assert.Equal((new TimeOnly(18, 0), new TimeOnly(8, 0)), (schedule.When.From, schedule.When.To));
    }

    [Theory]
    [InlineData("a")] // a > b > c > a
    [InlineData("database")] // itself
    public void A_policy_that_leads_back_to_itself_is_refused_as_a_loop(string id)
    {
        var (policy, errors) = EscalationPolicies.Check(id, Valid() with { ContinueWith = id == "a" ? "b" : "database" }, Known);

        Assert.Null(policy);
        var (field, message) = Assert.Single(errors);
        Assert.Equal("continueWith", field);
        Assert.Contains("is a loop", message);
        Assert.StartsWith(id == "a" ? "a > b > c > a" : "database > database", message);
    }

    [Fact]
    public void Continuing_with_an_unknown_policy_is_refused()
    {
        Assert.Equal([("continueWith", "nowhere is not one of the tenant's escalation policies")],
            EscalationPolicies.Check("database", Valid() with { ContinueWith = "nowhere" }, Known).Errors);
    }

    public static TheoryData<PolicyLevelDraft, string, string> BadLevels => new()
    {
        { new("pager"), "levels[0].target", "one of owner, backup, team-lead, person, schedule, on-call-manager, team" },
        { new("person", "zoe"), "levels[0].id", "zoe is a member of none of the tenant's teams" },
        { new("person"), "levels[0].id", "nobody is a member of none of the tenant's teams" },
        { new("schedule", "nights"), "levels[0].id", "nights is not one of the tenant's on-call schedules" },
        { new("on-call-manager", "nights"), "levels[0].id", "nights is not one of the tenant's on-call schedules" },
        { new("team", "legal"), "levels[0].id", "legal is not one of the tenant's teams" },
        { new("owner", "ana"), "levels[0].id", "owner names nobody: leave id out" },
        { new("owner", null, TimeSpan.Zero), "levels[0].delay", "how long to wait for an acknowledgement: 00:00:01 (one second) to 7.00:00:00 (7 days), or left out for the severity's window" },
        { new("owner", null, TimeSpan.FromDays(8)), "levels[0].delay", "how long to wait for an acknowledgement: 00:00:01 (one second) to 7.00:00:00 (7 days), or left out for the severity's window" },
        { new("owner", When: new(Severities: ["S5"])), "levels[0].when.severities", "some of S1, S2, S3 and S4, or left out for every severity" },
        { new("owner", When: new(Severities: ["1"])), "levels[0].when.severities", "some of S1, S2, S3 and S4, or left out for every severity" },
        { new("owner", When: new(Days: ["someday"])), "levels[0].when.days", "some of monday, tuesday, wednesday, thursday, friday, saturday and sunday, or left out for every day" },
        { new("owner", When: new(From: "18:00")), "levels[0].when.to", "from and to as hours and minutes in the team's time zone, such as 18:00 and 08:00 (over midnight), different from each other; or both left out" },
        { new("owner", When: new(From: "09:00", To: "09:00")), "levels[0].when.to", "from and to as hours and minutes in the team's time zone, such as 18:00 and 08:00 (over midnight), different from each other; or both left out" },
    };

    [Theory]
    [MemberData(nameof(BadLevels))]
    public void A_bad_level_is_named_by_its_field(PolicyLevelDraft level, string field, string message)
    {
        var (policy, errors) = EscalationPolicies.Check("database", new PolicyDraft("Database", [level]), Known);

        Assert.Null(policy);
        Assert.Equal([(field, message)], errors);
    }

    [Fact]
    public void Name_levels_repeats_and_id_are_checked()
    {
        var tooMany = Enumerable.Repeat<PolicyLevelDraft?>(new("owner"), EscalationPolicies.MaxLevels + 1).ToList();

        Assert.Equal(
            [("id", "1 to 63 lowercase letters, digits and dashes, starting with a letter or digit"), ("name", "required, 1 to 200 characters"), ("levels", "1 to 20 levels"),
             ("repeats", "how many more times the levels run when nobody acknowledges: 0 to 5")],
            EscalationPolicies.Check("Bad Id", new PolicyDraft(" ", tooMany, 6), Known).Errors);
        Assert.Equal([("levels", "1 to 20 levels")], EscalationPolicies.Check("p", new PolicyDraft("P", []), Known).Errors);
        Assert.Equal([("id", "the policy's id in the address, p, or left out")], EscalationPolicies.Check("p", new PolicyDraft("P", [new("owner")], Id: "q"), Known).Errors);
    }

    [Fact]
    public void A_saved_policy_reads_back_as_it_was_checked_even_after_what_it_names_has_gone()
    {
        var policy = EscalationPolicies.Read("database", Valid());

        Assert.Equal(EscalationPolicies.Check("database", Valid(), Known).Policy!.Levels.Select(level => (level.Target, level.TargetId)), policy.Levels.Select(level => (level.Target, level.TargetId)));
        Assert.Equal("leadership", policy.ContinueWith);
    }
}
