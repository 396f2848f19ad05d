using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>What a monitoring source's events (PagerDuty's trigger, acknowledge and resolve; Alertmanager's firing and
/// resolved groups) do to the open escalation it raised under a deduplication key. With no open escalation under the
/// key, a trigger opens a new one and acknowledge and resolve do nothing (the caller looks it up).</summary>
public static class SourceEvents
{
    /// <summary>The same key fired again while its escalation is open: noted on its timeline, and no change to the record
    /// (its UpdatedAt and ETag stay).</summary>
    public static Decision Repeated(EscalationState state, Actor source, string sourceName, string detail, DateTimeOffset now) =>
        Decision.On(state, now).NoteOnly(source, "alert-repeated", detail, $"{sourceName} sent the same deduplication key again");

    /// <summary>The alert's responder took it: an escalation offered to someone is acknowledged on their behalf;
    /// otherwise the acknowledgement is noted.</summary>
    public static Decision Acknowledged(EscalationState state, Actor source, string sourceName, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        var reason = $"acknowledged in {sourceName}";
        if (state is not { Status: EscalationStatus.Assigned, OfferedTo: { } offeredTo })
        {
            return decision.Note(source, "acknowledged-at-source", null, reason);
        }

        return decision
            .With(current => current with { Owner = offeredTo, AcknowledgedAt = now.UtcDateTime })
            .Move(EscalationStatus.Acknowledged, source, "acknowledged-at-source", $"{offeredTo.Name} owns it now", reason);
    }

    /// <summary>The alert cleared: resolved from any open status (<see cref="MoveRule.SourceResolution"/>), unless its
    /// severity needs a root cause (S1, S2) that only the owner can give; then the clearing is noted and the owner
    /// resolves it with one.</summary>
    public static Decision Cleared(EscalationState state, Actor source, string sourceName, DateTimeOffset now, TimeSpan autoCloseAfter)
    {
        var decision = Decision.On(state, now);
        if (!Lifecycle.CanResolveAtSource(state.Status))
        {
            return decision.Ignore($"the escalation is {state.Status} already");
        }

        var cleared = $"The alert cleared in {sourceName}";
        return ResolutionRules.SourceMayResolve(state.Severity)
            ? ResolutionRules.Resolve(decision, ResolutionKind.Fix, cleared, rootCause: null, source, "resolved-at-source", autoCloseAfter, MoveRule.SourceResolution)
            : decision.Note(source, "cleared-at-source", cleared, $"{state.Severity} needs its root cause: the owner resolves it with one");
    }
}
