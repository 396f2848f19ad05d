using EscalationPlatform.Contracts;

namespace Sla.Domain;

/// <summary>An escalation whose clocks run: what they are derived from.</summary>
public sealed record ClockedCase(
    Guid EscalationId, string Key, string? Title, Severity Severity, CustomerTier Tier, ClockZones Zones, IReadOnlyList<ClockEvent> History, bool Contractual = false)
{
    public SeverityTargets TargetsUnder(SlaPolicy policy) => policy.For(Severity, Tier, Contractual);
}

/// <summary>One clock under two policies: when it is due, and whether it has breached, under each.</summary>
public sealed record ClockMove(ClockKind Clock, DateTimeOffset? DueBefore, DateTimeOffset? DueAfter, bool BreachedBefore, bool BreachedAfter)
{
    public bool Changed => DueBefore != DueAfter || BreachedBefore != BreachedAfter;
}

public sealed record CasePreview(Guid EscalationId, string Key, string? Title, Severity Severity, CustomerTier Tier, IReadOnlyList<ClockMove> Clocks)
{
    /// <summary>Breached under the new policy, not under the one in force.</summary>
    public bool WouldBreach => Clocks.Any(clock => clock.BreachedAfter) && !Clocks.Any(clock => clock.BreachedBefore);

    /// <summary>Breached under the policy in force, not under the new one.</summary>
    public bool WouldStopBreaching => Clocks.Any(clock => clock.BreachedBefore) && !Clocks.Any(clock => clock.BreachedAfter);

    public bool Changed => Clocks.Any(clock => clock.Changed);
}

public sealed record PolicyPreviewResult(int Cases, int Moved, int WouldBreach, int WouldStopBreaching, IReadOnlyList<CasePreview> Changed);

/// <summary>What another SLA policy would do to running clocks, now: because clocks are derived from each escalation's
/// history (SPEC section 6), the history is simply evaluated under both policies and the due times compared.</summary>
public static class PolicyPreview
{
    public const int MaxListed = 200;

    public static PolicyPreviewResult Compare(SlaPolicy current, SlaPolicy next, IReadOnlyCollection<ClockedCase> cases, DateTimeOffset now)
    {
        var changed = cases.Select(@case => Of(@case, current, next, now)).Where(preview => preview.Changed).ToList();
        return new(
            cases.Count,
            changed.Count(preview => preview.Clocks.Any(clock => clock.DueBefore != clock.DueAfter)),
            changed.Count(preview => preview.WouldBreach),
            changed.Count(preview => preview.WouldStopBreaching),
            [.. changed.OrderByDescending(preview => preview.WouldBreach).ThenBy(preview => preview.Severity).Take(MaxListed)]);
    }

    /// <summary>One escalation's clocks under both policies, clock by clock (a clock only one of them has, such as an
    /// update cadence one adds, is due under that one only).</summary>
    public static CasePreview Of(ClockedCase @case, SlaPolicy current, SlaPolicy next, DateTimeOffset now)
    {
        var before = ClockEngine.Evaluate(@case.History, @case.TargetsUnder(current), current, @case.Zones, now).Clocks;
        var after = ClockEngine.Evaluate(@case.History, @case.TargetsUnder(next), next, @case.Zones, now).Clocks;
        var clocks = Enum.GetValues<ClockKind>()
            .Select(kind => (Before: before.FirstOrDefault(clock => clock.Kind == kind), After: after.FirstOrDefault(clock => clock.Kind == kind)))
            .Where(pair => pair.Before is not null || pair.After is not null)
            .Select(pair => new ClockMove(pair.Before?.Kind ?? pair.After!.Kind, pair.Before?.DueAt, pair.After?.DueAt,
                pair.Before?.BreachedAt is not null, pair.After?.BreachedAt is not null))
            .ToList();
        return new(@case.EscalationId, @case.Key, @case.Title, @case.Severity, @case.Tier, clocks);
    }
}
