using EscalationPlatform.Portal.Gateway;

namespace EscalationPlatform.Portal.Components.Pages;

/// <summary>A handoff as routing lists it (GET /api/v1/routing/escalations/{id}/handoffs).</summary>
public sealed record HandoffInfo(
    Guid Id, string State, PersonRef? From, PersonRef RequestedBy, PersonRef ToTeam, string? ToMemberId, string Level, PersonRef? AskedNow,
    string Reason, string ContextSummary, IReadOnlyList<string> ActionsTaken, DateTimeOffset RespondBy, DateTimeOffset CreatedAt,
    PersonRef? AnsweredBy, string? Answer, DateTimeOffset? AnsweredAt, bool CanAnswer);

/// <summary>Who a case can be handed to, as the form offers it: each team ("anyone on Billing") and each person
/// ("Leonardo Fibonacci (Billing)"), and the request body the choice and the fields make.</summary>
public static class HandoffRequests
{
    public sealed record Receiver(string Value, string Label);

    public static IReadOnlyList<Receiver> Receivers(IEnumerable<TeamInfo> teams, string? currentOwnerId) =>
    [
        .. teams.SelectMany(team => new[] { new Receiver($"team:{team.Id}", $"anyone on {team.Name}") }
            .Concat(team.Members.Where(member => member.Id != currentOwnerId).Select(member => new Receiver($"member:{member.Id}", $"{member.Name} ({team.Name})")))),
    ];

    /// <summary>The body of POST .../handoffs: the receiver chosen, the texts trimmed, one action per non-empty line,
    /// and the answer window in minutes when one is given (otherwise routing takes the severity's).</summary>
    public static Dictionary<string, object> Body(string? receiver, string? reason, string? contextSummary, string? actionsTaken, int? respondWithinMinutes)
    {
        var body = new Dictionary<string, object>
        {
            ["reason"] = reason?.Trim() ?? "",
            ["contextSummary"] = contextSummary?.Trim() ?? "",
            ["actionsTaken"] = (actionsTaken ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        if (receiver?.Split(':', 2) is [var kind, var id])
        {
            body[kind == "team" ? "toTeamId" : "toMemberId"] = id;
        }

        if (respondWithinMinutes is > 0 and var minutes)
        {
            body["respondWithin"] = TimeSpan.FromMinutes(minutes).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        return body;
    }
}
