using System.Globalization;
using EscalationPlatform.Contracts;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Domain;

/// <summary>SPEC section 4's deflection as the record lives it: triage found a known error with a workaround that matches
/// an S3 or S4 case strongly, so the case goes back to the frontline with the workaround (status deflected, announced by
/// <see cref="EscalationDeflected"/>, which tells the submitter and the customer); the frontline can contest it, and the
/// case is then triaged and routed as any other (announced by <see cref="EscalationTriaged"/>).</summary>
public static class Deflections
{
    public static Decision Deflect(Decision decision, EscalationAssessed assessed, CaseDeflection deflection)
    {
        var state = decision.State;
        var score = deflection.Score.ToString("0.00", CultureInfo.InvariantCulture);
        return decision
            .Move(EscalationStatus.Deflected, Actors.Triage, "deflected", $"Known error \"{deflection.Title}\" ({score}): {deflection.Workaround}", deflection.Why, announce: false)
            .Publish(new EscalationDeflected
            {
                EscalationId = state.Id,
                TenantId = state.TenantId,
                Key = state.Key,
                Title = state.Title,
                Severity = assessed.Severity,
                Customer = CustomerRef.Of(state.Facts.Customer),
                SubmittedBy = state.SubmittedById,
                Deflection = deflection,
                At = decision.At,
            });
    }

    public static Decision Contested(Decision decision, Actor actor, string reason)
    {
        var state = decision.State;
        var severity = state.Severity ?? Severity.S4;
        var detail = $"{severity}, routed to an expert team after all (the workaround of \"{state.Deflection?.Title}\" did not help)";
        return decision
            .Move(Triaged, actor, "deflection-contested", detail, reason, announce: false) // EscalationTriaged is the announcement
            .Publish(LifecycleEvents.TriagedAnnouncement(state, severity, state.HandoffIncomplete, $"deflection contested by {actor.Name}: {reason}", decision.At));
    }
}
