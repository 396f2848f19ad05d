using Insights.Api.History;
using Insights.Domain;

namespace Insights.UnitTests;

/// <summary>The packed facts the headline numbers count keep every fact apart and every clock's outcome whole.</summary>
public sealed class CaseFlagsTests
{
    private static readonly CaseSummary Plain = CaseSummaries.Summarise(new History().Record, [], InsightSettings.Default);

    [Fact]
    public void A_case_with_no_facts_and_no_clocks_packs_to_zero()
    {
        Assert.Equal(0, CaseFlags.Of(Plain));
    }

    [Fact]
    public void Each_fact_sets_its_own_bit()
    {
        Assert.Equal(CaseFlags.EverResolved, CaseFlags.Of(Plain with { EverResolved = true }));
        Assert.Equal(CaseFlags.EverResolved | CaseFlags.Reopened, CaseFlags.Of(Plain with { EverResolved = true, Reopens = 2 }));
        Assert.Equal(0, CaseFlags.Of(Plain with { Reopens = 1 })); // reopened counts only what was resolved first
        Assert.Equal(CaseFlags.TooEarly, CaseFlags.Of(Plain with { TooEarly = ["deflected"] }));
        Assert.Equal(CaseFlags.TooLate, CaseFlags.Of(Plain with { TooLate = ["many-attempts", "sla-mostly-gone"] }));
    }

    [Fact]
    public void Every_outcome_of_every_clock_reads_back_beside_the_others()
    {
        foreach (var outcome in Enum.GetValues<ClockOutcome>())
        {
            var clock = new ClockResult(outcome, null, null, null);
            var flags = CaseFlags.Of(Plain with
            {
                EverResolved = true, TooLate = ["many-attempts"], FirstResponse = clock, CustomerUpdate = ClockResult.None, Resolution = clock,
            });

            Assert.Equal(outcome, CaseFlags.Outcome(flags, CaseFlags.FirstResponseShift));
            Assert.Equal(ClockOutcome.None, CaseFlags.Outcome(flags, CaseFlags.CustomerUpdateShift));
            Assert.Equal(outcome, CaseFlags.Outcome(flags, CaseFlags.ResolutionShift));
            Assert.Equal(CaseFlags.EverResolved | CaseFlags.TooLate, flags & 15);
        }
    }
}
