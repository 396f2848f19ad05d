using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class SkillsMatchTests
{
    private static readonly IReadOnlySet<string> SsoOnAndroid = new HashSet<string> { "access", "sso", "android" };

    private static Candidate Member(string id, string[] skills, int open = 0) => new(id, true, 10, open) { Skills = skills };

    [Fact]
    public void The_owner_has_the_most_needed_skills_and_the_backup_the_next_most()
    {
        var team = new[] { Member("ana", ["sso"]), Member("ben", ["sso", "android"]), Member("cho", ["billing"]) };

        Assert.Equal(new Assignment("ben", "ana"), SkillsMatch.Pick(team, SsoOnAndroid));
    }

    [Fact]
    public void Among_equal_matches_the_least_loaded_owns_the_case()
    {
        var team = new[] { Member("ana", ["sso"], open: 3), Member("ben", ["SSO"], open: 1), Member("cho", []) };

        Assert.Equal(new Assignment("ben", "ana"), SkillsMatch.Pick(team, SsoOnAndroid));
    }

    [Fact]
    public void The_backup_may_lack_the_skills_when_only_one_member_has_them()
    {
        var team = new[] { Member("ana", ["android"]), Member("ben", []), Member("cho", [], open: 4) };

        Assert.Equal(new Assignment("ana", "ben"), SkillsMatch.Pick(team, SsoOnAndroid));
    }

    [Fact]
    public void Nobody_with_any_needed_skill_names_nobody()
    {
        Assert.Null(SkillsMatch.Pick([Member("ana", ["billing"]), Member("ben", [])], SsoOnAndroid));
    }

    [Fact]
    public void A_case_needs_its_issue_type_its_product_area_and_its_tags_in_lowercase()
    {
        var facts = new CaseFacts
        {
            IssueType = IssueType.Access,
            ProductArea = " SSO ",
            Tags = ["Android", "sso", " "],
            Customer = new() { Id = "initech", Name = "Initech", Tier = CustomerTier.Standard, TimeZone = "UTC" },
            Impact = new(),
            Urgency = new(),
            Context = new(),
            SubmittedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal(["access", "android", "sso"], RequiredSkills.Of(facts));
    }
}
