using Triage.Domain.Knowledge;

namespace Triage.UnitTests.Knowledge;

public sealed class ProblemLinkingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Signature = "payment <n> failed: gateway timeout";
    private static readonly PatternKey SignatureKey = new(PatternKind.ErrorSignature, Signature);

    private static Occurrence At(int minutes, string tenant = "acme", string? signature = Signature, string? area = "billing") =>
        new(Guid.NewGuid(), tenant, Start.AddMinutes(minutes), signature, area, null);

    private static ProblemKeyed Problem(PatternKey key, ProblemStatus status = ProblemStatus.Open, string tenant = "acme") => new(Guid.NewGuid(), tenant, key, status);

    [Fact]
    public void The_case_completing_a_pattern_raises_a_problem_linking_the_whole_pattern()
    {
        var earlier = new[] { At(0), At(1), At(2), At(3) };
        var fifth = At(4);

        var step = Assert.IsType<ProblemStep.Raise>(ProblemLinking.Decide([], earlier, fifth, PatternSettings.Default));

        Assert.Equal(SignatureKey, step.Pattern.Key);
        Assert.Equal(5, step.Pattern.Escalations.Count);
    }

    [Fact]
    public void A_sixth_case_links_itself_to_the_open_problem_instead_of_raising_another()
    {
        var open = Problem(SignatureKey);
        var earlier = new[] { At(0), At(1), At(2), At(3), At(4) };

        Assert.Equal(new ProblemStep.Link(open.Id), ProblemLinking.Decide([open], earlier, At(5), PatternSettings.Default));
        Assert.Equal(new ProblemStep.Link(open.Id), ProblemLinking.Decide([open], [], At(600), PatternSettings.Default)); // long after the pattern: still linked
    }

    [Fact]
    public void The_most_specific_shared_key_decides_which_problem_a_case_joins()
    {
        var byArea = Problem(new PatternKey(PatternKind.ProductArea, "billing"));
        var bySignature = Problem(SignatureKey);

        Assert.Equal(new ProblemStep.Link(bySignature.Id), ProblemLinking.Decide([byArea, bySignature], [], At(0), PatternSettings.Default));
        Assert.Equal(new ProblemStep.Link(byArea.Id), ProblemLinking.Decide([byArea, bySignature], [], At(0, signature: "another error"), PatternSettings.Default));
    }

    [Fact]
    public void A_repeated_error_becomes_its_own_problem_while_its_product_area_s_problem_is_open()
    {
        var byArea = Problem(new PatternKey(PatternKind.ProductArea, "billing"));
        var earlier = new[] { At(0), At(1), At(2), At(3) };

        var step = Assert.IsType<ProblemStep.Raise>(ProblemLinking.Decide([byArea], earlier, At(4), PatternSettings.Default));

        Assert.Equal(SignatureKey, step.Pattern.Key);
        Assert.Equal(new ProblemStep.Link(byArea.Id), ProblemLinking.Decide([byArea], earlier[..2], At(4), PatternSettings.Default)); // three: no pattern yet
    }

    [Fact]
    public void A_closed_problem_or_another_tenant_s_takes_no_new_case()
    {
        var closed = Problem(SignatureKey, ProblemStatus.Closed);
        var elsewhere = Problem(SignatureKey, tenant: "globex");

        Assert.IsType<ProblemStep.None>(ProblemLinking.Decide([closed, elsewhere], [], At(0), PatternSettings.Default));
        Assert.IsType<ProblemStep.Link>(ProblemLinking.Decide([closed with { Status = ProblemStatus.Fixed }], [], At(0), PatternSettings.Default));
    }

    [Fact]
    public void Five_cases_of_two_tenants_are_no_pattern()
    {
        var mixed = new[] { At(0), At(1, tenant: "globex"), At(2), At(3, tenant: "globex") };

        Assert.IsType<ProblemStep.None>(ProblemLinking.Decide([], mixed, At(4), PatternSettings.Default));
    }

    [Fact]
    public void Title_and_shared_words_say_what_the_cases_have_in_common_on_one_bounded_line()
    {
        Assert.Equal("the error message \"Payment 42 failed: gateway timeout\"", ProblemLinking.Shared(SignatureKey, "Payment 42 failed:\ngateway timeout"));
        Assert.Equal("release 4.2", ProblemLinking.Shared(new PatternKey(PatternKind.Release, "4.2"), null));
        Assert.Equal("Escalations in billing", ProblemLinking.Title(new PatternKey(PatternKind.ProductArea, "billing"), null));
        Assert.Equal(ProblemLinking.MaxTitle, ProblemLinking.Title(SignatureKey, new string('x', 500)).Length);
    }
}

public sealed class KnowledgeSettingsTests
{
    [Fact]
    public void The_defaults_are_the_spec_s_rule_and_valid()
    {
        Assert.Empty(KnowledgeSettings.Default.Problems());
        Assert.Equal(PatternSettings.Default.Count, KnowledgeSettings.Default.Patterns.Count);
        Assert.Equal(PatternSettings.Default.Window, KnowledgeSettings.Default.Patterns.Window);
        Assert.Equal(3, KnowledgeSettings.Default.Patterns.Kinds.Count);
    }

    [Fact]
    public void Out_of_range_fields_are_named_with_what_they_allow()
    {
        var problems = new KnowledgeSettings(DeflectionThreshold: 0.4, ProblemCases: 1, ProblemWindowMinutes: 20_000, ProblemKinds: []).Problems();

        Assert.Equal(["deflectionThreshold", "problemCases", "problemKinds", "problemWindowMinutes"], problems.Keys.Order());
        Assert.StartsWith("a score from 0.6 to 1.0", problems["deflectionThreshold"]);
        Assert.NotEmpty(new KnowledgeSettings(DeflectionThreshold: double.NaN).Problems());
    }

    [Fact]
    public void A_tenant_can_narrow_patterns_to_error_messages()
    {
        var settings = new KnowledgeSettings(ProblemCases: 3, ProblemWindowMinutes: 15, ProblemKinds: [PatternKind.ErrorSignature]).Patterns;

        Assert.Equal(new HashSet<PatternKind> { PatternKind.ErrorSignature }, settings.Kinds);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.Window);
    }
}
