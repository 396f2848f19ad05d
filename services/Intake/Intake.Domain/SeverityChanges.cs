using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>A severity changed after triage: by a person (the owner, the team lead or a manager) with a reason, which
/// then stands until another person changes it (triage assessing new facts notes what it would decide and keeps the
/// person's severity), or by triage after new facts. Either way the record takes the new severity, the timeline says
/// who changed it from what and why, and <see cref="EscalationSeverityChanged"/> tells routing, sla and notification.</summary>
public static class SeverityChanges
{
    public static Decision ByPerson(Decision decision, Actor actor, Severity? to, string reason)
    {
        var from = decision.State.Severity;
        if (to is null || !Enum.IsDefined(to.Value))
        {
            return decision.Refuse(RefusalKind.Invalid, "The new severity is missing.", Field("one of S1, S2, S3, S4"));
        }

        if (from is not { } current)
        {
            return decision.Refuse(RefusalKind.NotApplicable, "the escalation has no severity yet: triage decides the first one");
        }

        return to == current
            ? decision.Refuse(RefusalKind.Invalid, "The severity is unchanged.", Field($"the escalation is already {current}: name another severity"))
            : Change(decision.With(state => state with { SeveritySetBy = actor.Name }), actor, current, to.Value, reason);
    }

    /// <summary>Triage decided another severity after new facts (the record already holds it).</summary>
    public static Decision ByTriage(Decision decision, Severity from, Severity to, string decided, string why) =>
        Change(decision, Actors.Triage, from, to, why, $"{from} -> {decided}");

    private static Decision Change(Decision decision, Actor actor, Severity from, Severity to, string reason, string? detail = null)
    {
        var state = decision.State;
        return decision
            .With(current => current with { Severity = to })
            .Note(actor, "severity-changed", detail ?? $"{from} -> {to}", reason)
            .Publish(new EscalationSeverityChanged
            {
                EscalationId = state.Id,
                TenantId = state.TenantId,
                Key = state.Key,
                Title = state.Title,
                From = from,
                To = to,
                Actor = actor,
                Reason = reason,
                At = decision.At,
                Customer = CustomerRef.Of(state.Facts.Customer),
            });
    }

    private static Dictionary<string, string[]> Field(string message) => new() { ["severity"] = [message] };
}
