using EscalationPlatform.Contracts;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Domain;

/// <summary>What has to happen next on an escalation, who has to do it, and by when.</summary>
public sealed record NextAction(string What, string? Who, DateTimeOffset? DueAt);

/// <summary>What the record knows that decides the next action.</summary>
public sealed record NextActionFacts(
    EscalationStatus Status,
    string? OwnerName,
    string? OfferedToName,
    DateTimeOffset? RespondBy,
    DateTimeOffset? NextUpdateDue,
    DateTimeOffset? ResolutionDue,
    DateTimeOffset? AutoCloseAt,
    IReadOnlyList<string> MissingFacts,
    string? UnroutableReason = null);

public static class NextActions
{
    /// <summary>The next action, or null when the escalation is over.</summary>
    public static NextAction? For(NextActionFacts facts) => facts.Status switch
    {
        Submitted => new("triage the case", "triage", null),
        NeedsInformation => new($"add the missing context: {string.Join(", ", facts.MissingFacts)}", "submitter", null),
        Triaged => facts.UnroutableReason is { } reason
            ? new($"nobody could be offered the case: {reason}", "team lead and managers", null)
            : new("offer the case to an owner", "routing", null),
        Assigned => new("acknowledge the case to take ownership", facts.OfferedToName, facts.RespondBy),
        Acknowledged or Reopened => new("start work and update the customer", facts.OwnerName, Earliest(facts.NextUpdateDue, facts.ResolutionDue)),
        InProgress => facts.NextUpdateDue is { } update && (facts.ResolutionDue is not { } resolution || update < resolution)
            ? new("post a customer update", facts.OwnerName, update)
            : new("resolve the case", facts.OwnerName, facts.ResolutionDue),
        WaitingOnCustomer => new("wait for the customer's answer, then resume", "customer", null),
        Resolved => new("customer confirms the resolution (or it closes by itself)", "customer", facts.AutoCloseAt),
        _ => null,
    };

    /// <summary>When the next action on <paramref name="state"/> falls due (null: nothing waits on a time): what the
    /// "breaching soon" queue asks for.</summary>
    public static DateTimeOffset? DueAt(EscalationState state) => For(new NextActionFacts(
        state.Status,
        state.Owner?.Name,
        state.OfferedTo?.Name,
        Utc(state.RespondBy),
        Utc(state.NextUpdateDue),
        RecordedClocks.ResolutionDue(state.Clocks),
        Utc(state.AutoCloseAt),
        [.. state.MissingFacts.Select(fact => fact.Description)],
        state.UnroutableReason))?.DueAt;

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;

    private static DateTimeOffset? Earliest(DateTimeOffset? first, DateTimeOffset? second) =>
        first is null ? second : second is null ? first : first < second ? first : second;
}
