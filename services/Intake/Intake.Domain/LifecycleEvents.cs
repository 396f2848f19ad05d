using System.Globalization;
using EscalationPlatform.Contracts;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Domain;

/// <summary>What each event of the lifecycle saga does to an escalation, by status: triage's assessment, routing's
/// offers, the SLA's thresholds and commitments, and intake's own auto-close timer. Every change lands in the timeline
/// with the service that made it and its reason; an event that does not apply changes nothing and says why. An event
/// naming another tenant's escalation is never acted on.</summary>
public static class LifecycleEvents
{
    public static Decision Assessed(EscalationState state, EscalationAssessed assessed, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        if (state.TenantId != assessed.TenantId)
        {
            return decision.Ignore(OtherTenant);
        }

        if (!Lifecycle.IsOpen(state.Status))
        {
            return decision.Ignore($"facts added just before it became {state.Status}: an assessment no longer matters");
        }

        var setByPerson = state.SeveritySetBy is not null && state.Status is not (Submitted or NeedsInformation);
        decision = decision.With(current => current with
        {
            Severity = setByPerson ? current.Severity : assessed.Severity,
            Rules = assessed.Rules,
            MissingFacts = assessed.MissingFacts,
            HandoffIncomplete = assessed.HandoffIncomplete,
            MatrixVersion = assessed.MatrixVersion,
            Suggestions = assessed.Suggestions,
            Deflection = assessed.Deflection ?? current.Deflection,
        });
        if (state.Status == Submitted)
        {
            foreach (var signal in assessed.Signals)
            {
                decision = decision.Note(Actors.Triage, "repeat-customer", signal, "a fact for the people on the case; it does not change the severity");
            }
        }

        if (state.Status is Submitted or NeedsInformation && assessed is { Outcome: AssessmentOutcome.Deflected, Deflection: { } deflection })
        {
            return Deflections.Deflect(decision, assessed, deflection);
        }

        var decided = $"{assessed.Severity} by matrix v{assessed.MatrixVersion}";
        var why = Rules(assessed.Rules);
        var missing = $"Missing: {string.Join(", ", assessed.MissingFacts.Select(fact => fact.Description))}";
        if (state.Status is Submitted or NeedsInformation && assessed.Outcome == AssessmentOutcome.Triaged)
        {
            decision = decision.Move(Triaged, Actors.Triage, "triaged", decided, why, announce: false); // EscalationTriaged is the announcement
            if (assessed.HandoffIncomplete)
            {
                decision = decision.Note(Actors.Triage, "handoff-incomplete", missing, "S1 is routed at once; the owner gathers what is missing");
            }

            return decision.Publish(TriagedAnnouncement(state, assessed.Severity, assessed.HandoffIncomplete, why, now));
        }

        return state.Status switch
        {
            Submitted => decision.Move(NeedsInformation, Actors.Triage, "needs-information", missing,
                $"the {Text.Kebab(state.Facts.IssueType)} checklist requires these facts before the case can be owned ({decided})"),
            NeedsInformation => decision.Note(Actors.Triage, "still-needs-information", missing, why),
            _ when setByPerson && state.Severity != assessed.Severity =>
                decision.Note(Actors.Triage, "reassessed", $"{decided}; {state.Severity} set by {state.SeveritySetBy} stands", why),
            _ when state.Severity is { } before && before != assessed.Severity => SeverityChanges.ByTriage(decision, before, assessed.Severity, decided, why),
            _ => decision.Note(Actors.Triage, "reassessed", decided, why),
        };
    }

    /// <summary>The announcement of a move to Triaged from the case's status now: routing finds its owner, SLA starts its clocks.</summary>
    internal static EscalationTriaged TriagedAnnouncement(EscalationState state, Severity severity, bool handoffIncomplete, string reason, DateTimeOffset at) => new()
    {
        EscalationId = state.Id,
        TenantId = state.TenantId,
        Key = state.Key,
        Title = state.Title,
        Severity = severity,
        Facts = state.Facts,
        HandoffIncomplete = handoffIncomplete,
        From = state.Status,
        Reason = reason,
        TriagedAt = at,
        SubmittedBy = state.SubmittedById,
    };

    /// <summary>The first offer assigns the escalation and names its owner (who stays owner until someone accepts a
    /// handoff); a later one moves the offer up the escalation policy; a re-planned one (after a severity change) gives
    /// the same person a new deadline. An offer after the acknowledgement, or one
    /// lower than the offer that replaced it (out of order), changes nothing.</summary>
    public static Decision Offered(EscalationState state, EscalationOffered offer, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        if (state.TenantId != offer.TenantId)
        {
            return decision.Ignore(OtherTenant);
        }

        if (state.Status is not (Triaged or Assigned))
        {
            return decision.Ignore($"the escalation is {state.Status}: an acceptance (or the end of the case) stands");
        }

        if (offer.Step < state.OfferStep || (offer.Step == 0 && state.OfferStep == 0 && state.OfferLevel is { } current && offer.Level < current))
        {
            return decision.Ignore($"an earlier offer ({offer.Level}, move {offer.Step}) arriving after the {state.OfferLevel} offer that replaced it");
        }

        if (offer.Replanned)
        {
            return state.Status == Assigned && state.OfferedTo?.Id == offer.OfferedTo.Id && state.OfferLevel == offer.Level
                ? decision.With(current => current with { RespondBy = offer.RespondBy.UtcDateTime })
                    .Note(Actors.Routing, "offer-replanned", $"{offer.OfferedTo.Name} now has until {Text.Utc(offer.RespondBy)} to acknowledge", offer.Reason)
                : decision.Ignore("a new deadline for an offer that has since moved on");
        }

        decision = decision.With(current => current with
        {
            Team = offer.Team,
            Backup = current.Backup ?? Person.Of(offer.Backup),
            TeamLeadId = offer.TeamLead?.Id,
            OfferedTo = Person.Of(offer.OfferedTo),
            OfferLevel = offer.Level,
            OfferStep = offer.Step,
            RespondBy = offer.RespondBy.UtcDateTime,
            UnroutableReason = null,
        });
        var detail = $"Offered to {offer.OfferedTo.Name} ({Text.Kebab(offer.Level)}) on {offer.Team.Name}; acknowledge by {Text.Utc(offer.RespondBy)}";
        return state.Status == Triaged
            ? decision.With(current => current with { Owner = Person.Of(offer.Owner) })
                .Move(Assigned, Actors.Routing, "offered", $"{detail}; backup {offer.Backup.Name}", offer.Reason, announce: false) // routing's offer is the announcement
            : decision.Note(Actors.Routing, "offer-moved", $"{detail}; previously offered to {offer.PreviouslyOfferedTo?.Name}", offer.Reason);
    }

    /// <summary>Nobody acknowledged the case through its whole escalation policy: the record is flagged for leadership
    /// (who routing's announcement tells) and the offer stays with the last person asked.</summary>
    public static Decision PolicyExhausted(EscalationState state, EscalationPolicyExhausted exhausted, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        if (state.TenantId != exhausted.TenantId)
        {
            return decision.Ignore(OtherTenant);
        }

        if (state.Status != Assigned)
        {
            return decision.Ignore($"the escalation is {state.Status}: someone took it or it ended");
        }

        var flag = $"top of the {exhausted.Policy} escalation policy: {exhausted.Offers} offers, none acknowledged";
        var told = exhausted.TeamLead is { } lead ? $"{lead.Name} (lead of {exhausted.Team.Name}) and leadership are told" : "leadership is told";
        return decision
            .With(current => current with { Flag = flag })
            .Note(Actors.Routing, "top-of-policy", $"Nobody acknowledged the case at any level of {exhausted.Policy}; it stays offered to {exhausted.LastOfferedTo.Name}", told);
    }

    /// <summary>Routing could offer a triaged case to nobody: the record says why, and the case waits (visibly, in the
    /// unassigned queue) for the organisation to be fixed or for someone to take it by hand.</summary>
    public static Decision Unroutable(EscalationState state, EscalationUnroutable unroutable, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        if (state.TenantId != unroutable.TenantId)
        {
            return decision.Ignore(OtherTenant);
        }

        if (state.Status != Triaged)
        {
            return decision.Ignore($"the escalation is {state.Status}: it no longer waits for an owner");
        }

        var told = unroutable.TeamLead is { } lead ? $"{lead.Name} (lead of {unroutable.Team?.Name}) and leadership are told" : "leadership is told";
        return decision
            .With(current => current with { UnroutableReason = unroutable.Reason, Team = unroutable.Team ?? current.Team, TeamLeadId = unroutable.TeamLead?.Id ?? current.TeamLeadId })
            .Note(Actors.Routing, "unroutable", $"Nobody could be offered the case: {unroutable.Reason}", told);
    }

    /// <summary>A clock reached a warning threshold or its target: noted in any status; a breach marks the record.</summary>
    public static Decision ThresholdReached(EscalationState state, SlaThresholdReached reached, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        if (state.TenantId != reached.TenantId)
        {
            return decision.Ignore(OtherTenant);
        }

        var breach = reached.Threshold == ThresholdKind.Breach;
        var late = reached.AnnouncedLateBy is { } lateBy ? string.Create(CultureInfo.InvariantCulture, $"; announced {lateBy.TotalSeconds:0} s late") : "";
        return decision
            .With(current => current with { Breached = current.Breached || breach })
            .Note(Actors.Sla, breach ? "sla-breached" : "sla-warning",
                $"{Text.Kebab(reached.Clock)}: {reached.PercentElapsed}% of the target elapsed, due {Text.Utc(reached.DueAt)}{late}",
                breach ? "the target time passed" : $"the {reached.PercentElapsed}% warning threshold of the {reached.Severity} policy");
    }

    /// <summary>The customer's "next update by" time and the clocks behind it, kept on the record (so that reading it
    /// asks no other service); the first commitment marks the moment the escalation went on the clock. An older promise
    /// than the one shown (redelivered late, or overtaken) changes nothing. A sla that sends no clocks leaves the
    /// recorded ones.</summary>
    public static Decision CommitmentUpdated(EscalationState state, CustomerCommitmentUpdated commitment, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        if (state.TenantId != commitment.TenantId)
        {
            return decision.Ignore(OtherTenant);
        }

        if (commitment.At.UtcDateTime < state.CommitmentAt)
        {
            return decision.Ignore("an older promise than the one the record shows");
        }

        decision = decision.With(current => current with
        {
            NextUpdateDue = commitment.NextUpdateDue?.UtcDateTime,
            CommitmentAt = commitment.At.UtcDateTime,
            ClocksStartedAt = current.ClocksStartedAt ?? now.UtcDateTime,
            Clocks = commitment.Clocks ?? current.Clocks,
            Breached = current.Breached || commitment.Breached,
        });
        if (state.ClocksStartedAt is not null)
        {
            return decision;
        }

        var update = commitment.NextUpdateDue is { } next ? $"next customer update by {Text.Utc(next)}" : "no update cadence";
        var resolution = commitment.ResolutionDue is { } due ? $"; resolution due {Text.Utc(due)}" : "";
        return decision.Note(Actors.Sla, "clocks-started", $"{update}{resolution}", "the SLA policy of this severity and customer tier");
    }

    /// <summary>A new SLA policy moved the record's clocks: the clocks are replaced, and the timeline says which due times
    /// moved and why (in any status: a resolved case's clocks may still be met late).</summary>
    public static Decision TargetsChanged(EscalationState state, SlaTargetsChanged changed, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        if (state.TenantId != changed.TenantId)
        {
            return decision.Ignore(OtherTenant);
        }

        var moves = string.Join("; ", changed.Changes.Select(change =>
            $"{Text.Kebab(change.Clock)} due {(change.DueBefore is { } before ? Text.Utc(before) : "never")} -> {(change.DueAfter is { } after ? Text.Utc(after) : "never")}"));
        return decision
            .With(current => current with { Clocks = changed.Clocks, NextUpdateDue = changed.NextUpdateDue?.UtcDateTime })
            .Note(Actors.Sla, "sla-targets-changed", moves,
                $"SLA policy version {changed.PolicyVersion}, published by {changed.PublishedBy}" + (changed.Reason is { } reason ? $": {reason}" : ""));
    }

    /// <summary>The auto-close timer fired: a resolution nobody answered closes, unless it was confirmed, reopened or
    /// resolved again since the timer was set.</summary>
    public static Decision AutoClose(EscalationState state, AutoCloseDue due, DateTimeOffset now, TimeSpan autoCloseAfter)
    {
        var decision = Decision.On(state, now);
        if (state.Status != Resolved || state.ResolvedAt != due.ResolvedAt)
        {
            return decision.Ignore("confirmed, reopened or resolved again since this timer was set");
        }

        return decision
            .With(current => current with { ClosedAt = now.UtcDateTime, AutoCloseAt = null })
            .Move(Closed, Actors.Intake, "auto-closed", null, $"no answer from the customer within {autoCloseAfter} of the resolution");
    }

    private const string OtherTenant = "the event names another tenant's escalation";

    private static string Rules(IReadOnlyList<FiredRule> rules) =>
        rules.Count == 0 ? "no rule fired: the default severity" : string.Join("; ", rules.Select(rule => $"{rule.Id} ({rule.Severity}): {rule.Description}"));
}
