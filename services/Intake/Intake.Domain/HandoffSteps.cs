using EscalationPlatform.Contracts;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Domain;

/// <summary>What each step of a handoff (routing's <see cref="EscalationHandoff"/>) does to the record: every step is
/// on the timeline; only an acceptance changes who owns the case (SPEC section 3: the previous owner stays owner until
/// then), and on a case not yet acknowledged it is the acknowledgement too. A step for a case that has ended is only
/// noted as ignored.</summary>
public static class HandoffSteps
{
    public static Decision Apply(EscalationState state, EscalationHandoff handoff, DateTimeOffset now)
    {
        var decision = Decision.On(state, now);
        if (state.TenantId != handoff.TenantId)
        {
            return decision.Ignore("the event names another tenant's escalation");
        }

        if (!Lifecycle.IsOpen(state.Status))
        {
            return decision.Ignore($"the escalation is {state.Status}: a handoff no longer matters");
        }

        var to = handoff.AskedNow is { } person ? $"{person.Name} ({handoff.ToTeam.Name})" : $"anyone on {handoff.ToTeam.Name}";
        var actor = new Actor(ActorKind.Person, handoff.AnsweredBy?.Id ?? handoff.RequestedBy.Id, handoff.AnsweredBy?.Name ?? handoff.RequestedBy.Name);
        return handoff.Step switch
        {
            HandoffStep.Requested => decision.Note(handoff.RequestedBy, "handoff-requested",
                $"Asked {to} to take it by {Text.Utc(handoff.RespondBy)}. Context: {handoff.ContextSummary} Already done: {string.Join("; ", handoff.ActionsTaken)}",
                handoff.Reason),
            HandoffStep.MovedUp => decision.Note(Actors.Routing, "handoff-moved-up",
                $"Nobody answered the handoff in time: {to} is asked now, by {Text.Utc(handoff.RespondBy)}", handoff.Reason),
            HandoffStep.Rejected => decision.Note(actor, "handoff-rejected", $"{handoff.AnsweredBy?.Name} turned the handoff down; {Owner(state)} keeps it", handoff.Answer),
            HandoffStep.Expired => decision.Note(Actors.Routing, "handoff-unanswered",
                $"Nobody took the handoff; {Owner(state)} keeps it and leadership is told", handoff.Reason),
            HandoffStep.Accepted => Accepted(decision, actor, handoff),
            _ => decision.Ignore($"an unknown handoff step {handoff.Step}"),
        };
    }

    private static string Owner(EscalationState state) => state.Owner?.Name ?? "its owner";

    private static Decision Accepted(Decision decision, Actor actor, EscalationHandoff handoff)
    {
        var state = decision.State;
        var owner = Person.Of(handoff.AnsweredBy!);
        var detail = $"{owner.Name} owns it now on {handoff.ToTeam.Name} (handed over from {Owner(state)})";
        decision = decision.With(current => current with
        {
            Owner = owner,
            Team = handoff.ToTeam,
            TeamLeadId = handoff.ToTeamLead?.Id,
            OfferedTo = owner,
            AcknowledgedAt = current.AcknowledgedAt ?? decision.At.UtcDateTime,
        });
        return state.Status == Assigned
            ? decision.Move(Acknowledged, actor, "handoff-accepted", detail, handoff.Reason)
            : decision.Note(actor, "handoff-accepted", detail, handoff.Reason);
    }
}
