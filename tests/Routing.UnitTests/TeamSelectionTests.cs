using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class TeamSelectionTests
{
    private static readonly Dictionary<IssueType, string> Defaults = new()
    {
        [IssueType.Technical] = "support",
        [IssueType.Security] = "security",
    };

    private static CaseFacts Facts(IssueType issueType = IssueType.Technical, string? productArea = "billing-ui",
        CustomerTier tier = CustomerTier.Standard, params string[] tags) => new()
        {
            IssueType = issueType,
            ProductArea = productArea,
            Customer = new() { Id = "c", Name = "C", Tier = tier, TimeZone = "UTC" },
            Impact = new(),
            Urgency = new(),
            Context = new(),
            Tags = tags,
            SubmittedAt = DateTimeOffset.UnixEpoch,
        };

    [Fact]
    public void The_first_matching_rule_wins()
    {
        RoutingRule[] rules =
        [
            new("strategic S1s", "tiger-team", Severity: Severity.S1, Tier: CustomerTier.Strategic),
            new("all S1s", "major-incidents", Severity: Severity.S1),
        ];

        var choice = TeamSelection.Choose(rules, Defaults, Facts(tier: CustomerTier.Strategic), Severity.S1);

        Assert.Equal(new TeamChoice("tiger-team", "routing rule 'strategic S1s'"), choice);
    }

    [Fact]
    public void A_rule_matches_only_when_every_condition_it_names_holds()
    {
        RoutingRule[] rules = [new("ui bugs tagged regression", "frontend", IssueType: IssueType.Technical, ProductArea: "billing-ui", Tag: "regression")];

        Assert.Equal("frontend", TeamSelection.Choose(rules, Defaults, Facts(tags: "Regression"), Severity.S3)!.TeamId);
        Assert.Equal("support", TeamSelection.Choose(rules, Defaults, Facts(), Severity.S3)!.TeamId);
        Assert.Equal("support", TeamSelection.Choose(rules, Defaults, Facts(productArea: "reports", tags: "regression"), Severity.S3)!.TeamId);
    }

    [Fact]
    public void Without_a_matching_rule_the_default_team_of_the_issue_type_takes_it()
    {
        var choice = TeamSelection.Choose([], Defaults, Facts(IssueType.Security), Severity.S2);

        Assert.Equal(new TeamChoice("security", "default team for security issues"), choice);
    }

    [Fact]
    public void An_issue_type_without_a_team_has_no_choice()
    {
        Assert.Null(TeamSelection.Choose([], Defaults, Facts(IssueType.Legal), Severity.S2));
    }

    [Fact]
    public void Acknowledgement_windows_shrink_with_severity_and_a_tenant_can_override_one()
    {
        var custom = new AcknowledgementWindows(new Dictionary<Severity, TimeSpan> { [Severity.S1] = TimeSpan.FromSeconds(3) });

        Assert.True(AcknowledgementWindows.Default.For(Severity.S1) < AcknowledgementWindows.Default.For(Severity.S2));
        Assert.Equal(TimeSpan.FromSeconds(3), custom.For(Severity.S1));
        Assert.Equal(AcknowledgementWindows.Default.For(Severity.S3), custom.For(Severity.S3));
    }
}
