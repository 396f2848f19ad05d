namespace Routing.Domain;

/// <summary>A handoff as the owner writes it (POST .../handoffs): to a team (any of its members may take it) or to a
/// person, why, what the receiver needs to know, what was already done, and how long the receiver has to answer
/// (the severity's acknowledgement window when left out).</summary>
public sealed record HandoffDraft(
    string? ToTeamId = null,
    string? ToMemberId = null,
    string? Reason = null,
    string? ContextSummary = null,
    IReadOnlyList<string?>? ActionsTaken = null,
    TimeSpan? RespondWithin = null);

/// <summary>A handoff that passed every check; exactly one of <see cref="ToTeamId"/> and <see cref="ToMemberId"/>.</summary>
public sealed record HandoffSpec(string? ToTeamId, string? ToMemberId, string Reason, string ContextSummary, IReadOnlyList<string> ActionsTaken, TimeSpan RespondWithin);

/// <summary>Who is asked at each level of a handoff: the receiver (a person, or any member of a team), then, when
/// nobody answers, the receiving team's lead; after the lead, nobody (the handoff expires, the owner keeps the case).</summary>
public enum HandoffLevel
{
    Receiver,
    TeamLead,
}

/// <summary>The rules of a handoff (SPEC section 5): it names a receiver, a reason, a context summary and the actions
/// already taken (at least one: a receiver must not start over); it completes only when the receiver accepts; the
/// receiver may reject it with a reason; no answer within the window asks the receiving team's lead, and no answer
/// from them ends it with the owner still owning the case.</summary>
public static class HandoffRules
{
    public const int MaxText = 4_000;
    public const int MaxActions = 20;
    public const int MaxActionLength = 500;
    public static readonly TimeSpan ShortestWindow = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(7);

    public static (HandoffSpec? Handoff, IReadOnlyList<(string Field, string Message)> Errors) Check(HandoffDraft draft, TimeSpan defaultWindow)
    {
        var errors = new List<(string, string)>();
        var team = string.IsNullOrWhiteSpace(draft.ToTeamId) ? null : draft.ToTeamId.Trim();
        var member = string.IsNullOrWhiteSpace(draft.ToMemberId) ? null : draft.ToMemberId.Trim();
        if ((team is null) == (member is null))
        {
            errors.Add(("toTeamId", "name either a team (toTeamId) or a person (toMemberId), not both"));
        }

        var reason = Text(draft.Reason, "reason", errors);
        var context = Text(draft.ContextSummary, "contextSummary", errors);
        var actions = (draft.ActionsTaken ?? []).Select(action => action?.Trim()).ToList();
        if (actions.Count is 0 or > MaxActions || actions.Any(action => string.IsNullOrEmpty(action) || action.Length > MaxActionLength))
        {
            errors.Add(("actionsTaken", $"1 to {MaxActions} actions already taken, each 1 to {MaxActionLength} characters: the receiver must not start over"));
        }

        var window = draft.RespondWithin ?? defaultWindow;
        if (window < ShortestWindow || window > LongestWindow)
        {
            errors.Add(("respondWithin", "between 00:00:05 and 7.00:00:00 (hours:minutes:seconds, or days.hours:minutes:seconds)"));
        }

        return errors.Count > 0 ? (null, errors) : (new HandoffSpec(team, member, reason!, context!, [.. actions!], window), []);
    }

    /// <summary>The owner, the team lead of the case and managers may hand it off.</summary>
    public static bool MayRequest(string callerId, bool isManager, string ownerId, string? leadId) =>
        isManager || callerId == ownerId || callerId == leadId;

    /// <summary>Who may answer now: at the receiver level the person asked, or for a team any of its members; at the
    /// lead level the receiving team's lead.</summary>
    public static bool MayAnswer(string callerId, HandoffLevel level, string? askedMemberId, IReadOnlyCollection<string> teamMemberIds, string? teamLeadId) =>
        level == HandoffLevel.TeamLead ? callerId == teamLeadId
        : askedMemberId is not null ? callerId == askedMemberId
        : teamMemberIds.Contains(callerId);

    /// <summary>Where an unanswered handoff goes next: from the receiver to the receiving team's lead (when there is one
    /// and they were not the person asked); null when nobody is left to ask.</summary>
    public static HandoffLevel? NextLevel(HandoffLevel level, string? askedMemberId, string? teamLeadId) =>
        level == HandoffLevel.Receiver && teamLeadId is not null && teamLeadId != askedMemberId ? HandoffLevel.TeamLead : null;

    private static string? Text(string? value, string field, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxText)
        {
            errors.Add((field, $"required, 1 to {MaxText} characters"));
            return null;
        }

        return value.Trim();
    }
}
