using Triage.Domain.Knowledge;

namespace Triage.UnitTests.Knowledge;

public sealed class PatternDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Signature = "payment <n> failed: gateway timeout";

    private static Occurrence At(int minutes, string tenant = "acme", string? signature = Signature, string? area = null, string? release = null) =>
        new(Guid.NewGuid(), tenant, Start.AddMinutes(minutes), signature, area, release);

    [Fact]
    public void The_fifth_case_within_the_hour_is_a_pattern_linking_all_five_oldest_first()
    {
        var earlier = new[] { At(0), At(10), At(20), At(30) };
        var fifth = At(40);

        var pattern = PatternDetector.Detect(earlier, fifth, PatternSettings.Default);

        Assert.Equal(new PatternKey(PatternKind.ErrorSignature, Signature), pattern!.Key);
        Assert.Equal([.. earlier.Select(occurrence => occurrence.EscalationId), fifth.EscalationId], pattern.Escalations);
        Assert.Null(PatternDetector.Detect(earlier[..3], earlier[3], PatternSettings.Default)); // four are not yet five
    }

    [Fact]
    public void The_window_includes_a_case_exactly_an_hour_before_and_not_one_a_moment_earlier()
    {
        var onTheEdge = new[] { At(0), At(10), At(20), At(30) };
        Assert.NotNull(PatternDetector.Detect(onTheEdge, At(60), PatternSettings.Default));

        var justOutside = new[] { At(0) with { At = Start.AddTicks(-1) }, At(10), At(20), At(30) };
        Assert.Null(PatternDetector.Detect(justOutside, At(60), PatternSettings.Default));
    }

    [Fact]
    public void A_burst_across_the_window_edge_counts_only_what_is_inside_the_window_of_the_newest()
    {
        // Three at 9:00-9:02, three at 10:01-10:03: never five within one hour.
        var burst = new[] { At(0), At(1), At(2), At(61), At(62) };
        Assert.Null(PatternDetector.Detect(burst, At(63), PatternSettings.Default));

        // Two more inside the second burst's hour make it five.
        Assert.Equal(5, PatternDetector.Detect([.. burst, At(63), At(64)], At(65), PatternSettings.Default)!.Escalations.Count);
    }

    [Fact]
    public void Another_tenant_s_cases_never_count()
    {
        var others = new[] { At(0, "globex"), At(1, "globex"), At(2, "globex"), At(3, "globex") };

        Assert.Null(PatternDetector.Detect(others, At(4), PatternSettings.Default));
        Assert.NotNull(PatternDetector.Detect(others[..3], At(4, "globex"), PatternSettings.Default with { Count = 4 }));
    }

    [Fact]
    public void The_signature_decides_before_the_release_and_the_release_before_the_product_area()
    {
        var earlier = Enumerable.Range(0, 4).Select(minute => At(minute, signature: $"error {(char)('a' + minute)}", area: "Billing", release: "5.3")).ToList();

        var byRelease = PatternDetector.Detect(earlier, At(5, signature: "error z", area: "billing", release: "5.3 "), PatternSettings.Default);
        Assert.Equal(new PatternKey(PatternKind.Release, "5.3"), byRelease!.Key);

        var areaOnly = PatternSettings.Default with { Kinds = new HashSet<PatternKind> { PatternKind.ProductArea } };
        Assert.Equal(new PatternKey(PatternKind.ProductArea, "billing"), PatternDetector.Detect(earlier, At(5, area: "billing"), areaOnly)!.Key);
    }

    [Fact]
    public void A_case_counted_twice_counts_once()
    {
        var again = At(0);
        Assert.Null(PatternDetector.Detect([again, again, again, again], At(5), PatternSettings.Default));
    }
}

public sealed class ProblemLifecycleTests
{
    [Theory]
    [InlineData(ProblemStatus.Open, ProblemStatus.Investigating)]
    [InlineData(ProblemStatus.Investigating, ProblemStatus.KnownError)]
    [InlineData(ProblemStatus.KnownError, ProblemStatus.Fixed)]
    [InlineData(ProblemStatus.Fixed, ProblemStatus.Closed)]
    [InlineData(ProblemStatus.Fixed, ProblemStatus.Investigating)]
    [InlineData(ProblemStatus.Closed, ProblemStatus.Investigating)]
    public void The_lifecycle_moves_forward_and_back_to_investigating(ProblemStatus from, ProblemStatus to) =>
        Assert.Null(ProblemLifecycle.Refusal(from, to, "5.4", notifyCustomers: false));

    [Fact]
    public void A_move_not_in_the_lifecycle_is_refused_with_what_is_allowed()
    {
        Assert.Equal("a closed problem can become investigating", ProblemLifecycle.Refusal(ProblemStatus.Closed, ProblemStatus.Fixed, "5.4", false));
        Assert.Equal("a fixed problem can become investigating, closed", ProblemLifecycle.Refusal(ProblemStatus.Fixed, ProblemStatus.KnownError, null, false));
    }

    [Fact]
    public void Fixed_needs_its_version_and_customers_are_told_only_when_a_fixed_problem_closes()
    {
        Assert.Equal("say which version or change has the fix", ProblemLifecycle.Refusal(ProblemStatus.Investigating, ProblemStatus.Fixed, " ", false));
        Assert.Null(ProblemLifecycle.Refusal(ProblemStatus.Fixed, ProblemStatus.Closed, null, notifyCustomers: true));
        Assert.Equal("customers are told when a fixed problem is closed, not before",
            ProblemLifecycle.Refusal(ProblemStatus.Investigating, ProblemStatus.Closed, null, notifyCustomers: true));
    }

    [Fact]
    public void Only_a_closed_problem_links_no_new_cases() =>
        Assert.Equal([ProblemStatus.Closed], Enum.GetValues<ProblemStatus>().Where(status => !ProblemLifecycle.LinksNewCases(status)));
}
