using Insights.Domain;

namespace Insights.Api.History;

/// <summary>How case_summary.flags stores the yes/no facts of a <see cref="CaseSummary"/> and its clocks' outcomes, so that
/// the headline numbers over a year of cases group a few hundred distinct values instead of testing a dozen columns per case.
/// Bits 0-3: resolved at least once, reopened after a resolution, escalated too early, too late; then three bits per
/// clock holding its <see cref="ClockOutcome"/>: first response from bit 4, customer update from 7, resolution from 10.</summary>
public static class CaseFlags
{
    public const int EverResolved = 1;
    public const int Reopened = 2;
    public const int TooEarly = 4;
    public const int TooLate = 8;
    public const int OutcomeMask = 7;
    public const int FirstResponseShift = 4;
    public const int CustomerUpdateShift = 7;
    public const int ResolutionShift = 10;

    public static int Of(CaseSummary summary) =>
        (summary.EverResolved ? EverResolved : 0)
        | (summary.EverResolved && summary.Reopens > 0 ? Reopened : 0)
        | (summary.TooEarly.Count > 0 ? TooEarly : 0)
        | (summary.TooLate.Count > 0 ? TooLate : 0)
        | ((int)summary.FirstResponse.Outcome << FirstResponseShift)
        | ((int)summary.CustomerUpdate.Outcome << CustomerUpdateShift)
        | ((int)summary.Resolution.Outcome << ResolutionShift);

    public static ClockOutcome Outcome(int flags, int shift) => (ClockOutcome)((flags >> shift) & OutcomeMask);
}
