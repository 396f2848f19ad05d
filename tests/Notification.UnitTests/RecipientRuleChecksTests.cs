using Notification.Domain;

namespace Notification.UnitTests;

public sealed class RecipientRuleChecksTests
{
    [Fact]
    public void The_default_rules_are_valid() => Assert.Empty(RecipientRuleChecks.Check(NotificationRules.Default));

    [Fact]
    public void Each_problem_is_named_by_its_field()
    {
        var rules = NotificationRules.Default with
        {
            Rules = [new RecipientRule("a", [NoticeEvent.Offered], Audience.Owner), new RecipientRule("a", [], Audience.Owner)],
            Leadership = ["not an address"],
            DigestMinutes = 1_000,
            TeamChannels = [new TeamChannel("core", ChatKind.Slack, "https://hooks.example/1"), new TeamChannel("core", ChatKind.Teams, "")],
        };

        Assert.Equal(["digestMinutes", "leadership[0]", "rules[1].events", "rules[1].id", "teamChannels[1].teamId", "teamChannels[1].url"],
            RecipientRuleChecks.Check(rules).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_that_tell_nobody_anything_are_refused() =>
        Assert.Contains("rules", RecipientRuleChecks.Check(NotificationRules.Default with { Rules = [] }).Keys);
}
