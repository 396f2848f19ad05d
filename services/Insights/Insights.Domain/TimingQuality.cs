using EscalationPlatform.Contracts;

namespace Insights.Domain;

/// <summary>Whether a case was escalated too early or too late (SPEC section 8), with the reasons: too early when it
/// did not need the experts (deflected and not contested, returned for missing facts, or resolved with the workaround
/// frontline already knew of: a contested deflection was the known error's mistake, not frontline's); too late when frontline tried for long (many actions before handing it in) or most of the first-response
/// target had gone between the problem being seen and the case being handed in.</summary>
public static class TimingQuality
{
    public const string Deflected = "deflected";
    public const string ReturnedForFacts = "returned-for-facts";
    public const string KnownWorkaround = "known-workaround";
    public const string ManyAttempts = "many-attempts";
    public const string SlaMostlyGone = "sla-mostly-gone";

    public static IReadOnlyList<string> TooEarly(EscalationSnapshot record, IReadOnlyList<HistoryEntry> entries)
    {
        var reasons = new List<string>();
        var deflected = record.Status == EscalationStatus.Deflected || entries.Any(entry => entry.To == EscalationStatus.Deflected);
        if (deflected && !entries.Any(entry => entry.From == EscalationStatus.Deflected))
        {
            reasons.Add(Deflected);
        }

        if (entries.Any(entry => entry.To == EscalationStatus.NeedsInformation))
        {
            reasons.Add(ReturnedForFacts);
        }

        if (record.Resolution == "workaround" && record.WorkaroundAvailable == true)
        {
            reasons.Add(KnownWorkaround);
        }

        return reasons;
    }

    /// <summary><paramref name="firstResponseTarget"/>: the case's first-response target, when it has one.</summary>
    public static IReadOnlyList<string> TooLate(EscalationSnapshot record, TimeSpan? firstResponseTarget, InsightSettings settings)
    {
        var reasons = new List<string>();
        if (record.ActionsTaken >= settings.TooLateActions)
        {
            reasons.Add(ManyAttempts);
        }

        if (record.FirstSeenAt is { } seen && firstResponseTarget is { } target && target > TimeSpan.Zero
            && record.SubmittedAt - seen >= target * (settings.TooLatePercent / 100.0))
        {
            reasons.Add(SlaMostlyGone);
        }

        return reasons;
    }
}
