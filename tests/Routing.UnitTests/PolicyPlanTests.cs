using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

/// <summary>Laying a policy out (levels, repeats, the policy it continues with) and choosing the next level that
/// applies by severity, day and hour in the team's time zone.</summary>
public sealed class PolicyPlanTests
{
    private static readonly DateTime MondayNoon = new(2026, 11, 30, 12, 0, 0);

    private static PolicyLevel Level(OfferLevel target, string? id = null, LevelCondition? when = null) => new(target, id, null, when ?? LevelCondition.Always);

    [Fact]
    public void The_built_in_policy_is_owner_backup_team_lead_once()
    {
        var plan = PolicyPlan.Of(EscalationPolicy.BuiltIn, _ => null);

        Assert.Equal([OfferLevel.Owner, OfferLevel.Backup, OfferLevel.TeamLead], plan.Select(level => level.Target));
        Assert.All(plan, level => Assert.Equal(("Default", 0), (level.Policy, level.Round)));
    }

    [Fact]
    public void Repeats_run_the_levels_again_and_number_the_rounds()
    {
        var policy = new EscalationPolicy("db", "Database", [Level(OfferLevel.Owner), Level(OfferLevel.Schedule, "db-on-call")], 2, null);

        var plan = PolicyPlan.Of(policy, _ => null);

        Assert.Equal(
            [(OfferLevel.Owner, 0), (OfferLevel.Schedule, 0), (OfferLevel.Owner, 1), (OfferLevel.Schedule, 1), (OfferLevel.Owner, 2), (OfferLevel.Schedule, 2)],
            plan.Select(level => (level.Target, level.Round)));
    }

    [Fact]
    public void A_policy_continues_with_the_next_one_after_its_repeats()
    {
        var leadership = new EscalationPolicy("leadership", "Leadership", [Level(OfferLevel.Person, "vp")], 0, null);
        var database = new EscalationPolicy("db", "Database", [Level(OfferLevel.Owner)], 1, "leadership");

        var plan = PolicyPlan.Of(database, id => id == "leadership" ? leadership : null);

        Assert.Equal([("Database", OfferLevel.Owner), ("Database", OfferLevel.Owner), ("Leadership", OfferLevel.Person)], plan.Select(level => (level.Policy, level.Target)));
    }

    [Fact]
    public void A_chain_that_comes_back_to_a_policy_already_taken_stops_there()
    {
        var a = new EscalationPolicy("a", "A", [Level(OfferLevel.Owner)], 0, "b");
        var b = new EscalationPolicy("b", "B", [Level(OfferLevel.Backup)], 0, "a");

        var plan = PolicyPlan.Of(a, id => id == "a" ? a : b);

        Assert.Equal(["A", "B"], plan.Select(level => level.Policy));
    }

    [Fact]
    public void A_plan_holds_at_most_its_limit_of_levels()
    {
        var wide = new EscalationPolicy("wide", "Wide", [.. Enumerable.Repeat(Level(OfferLevel.Owner), EscalationPolicies.MaxLevels)], EscalationPolicies.MaxRepeats, "wide-2");
        var next = wide with { Id = "wide-2", ContinueWith = null };

        Assert.Equal(PolicyPlan.MaxLevels, PolicyPlan.Of(wide, _ => next).Count);
    }

    [Fact]
    public void Next_skips_levels_whose_conditions_do_not_hold_and_is_null_at_the_top()
    {
        var onlyS1 = new LevelCondition([Severity.S1], [], null, null);
        var plan = PolicyPlan.Of(new EscalationPolicy("p", "P", [Level(OfferLevel.Owner), Level(OfferLevel.Person, "vp", onlyS1), Level(OfferLevel.TeamLead)], 0, null), _ => null);

        Assert.Equal(0, PolicyPlan.Next(plan, -1, Severity.S2, MondayNoon));
        Assert.Equal(2, PolicyPlan.Next(plan, 0, Severity.S2, MondayNoon));
        Assert.Equal(1, PolicyPlan.Next(plan, 0, Severity.S1, MondayNoon));
        Assert.Null(PolicyPlan.Next(plan, 2, Severity.S1, MondayNoon));
    }

    [Fact]
    public void A_level_without_a_delay_waits_the_severitys_window()
    {
        var own = new PlannedLevel(OfferLevel.Owner, null, TimeSpan.FromMinutes(2), LevelCondition.Always, "P", 0);

        Assert.Equal(TimeSpan.FromMinutes(2), PolicyPlan.Delay(own, TimeSpan.FromMinutes(15)));
        Assert.Equal(TimeSpan.FromMinutes(15), PolicyPlan.Delay(own with { Delay = null }, TimeSpan.FromMinutes(15)));
    }

    [Theory]
    [InlineData("2026-11-30T12:00", true)]  // Monday noon
    [InlineData("2026-11-30T08:59", false)] // before the hours
    [InlineData("2026-11-30T17:00", false)] // the end is not inside
    [InlineData("2026-12-05T12:00", false)] // Saturday
    public void A_condition_on_days_and_hours_holds_within_them(string local, bool holds)
    {
        var weekdays = new LevelCondition([], [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new(9, 0), new(17, 0));

        Assert.Equal(holds, weekdays.Holds(Severity.S3, DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-11-30T23:30", true)]
    [InlineData("2026-12-01T07:59", true)]
    [InlineData("2026-12-01T08:00", false)]
    [InlineData("2026-11-30T17:59", false)]
    public void An_hour_window_that_ends_before_it_starts_runs_over_midnight(string local, bool holds)
    {
        var night = new LevelCondition([], [], new(18, 0), new(8, 0));

        Assert.Equal(holds, night.Holds(Severity.S2, DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Offers_made_before_plans_were_kept_continue_from_their_level_of_the_built_in_ladder()
    {
        Assert.Equal([0, 1, 2], new[] { OfferLevel.Owner, OfferLevel.Backup, OfferLevel.TeamLead }.Select(PolicyPlan.StepOf));
    }
}
