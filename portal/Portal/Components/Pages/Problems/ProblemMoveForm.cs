using EscalationPlatform.Portal.Gateway;

namespace EscalationPlatform.Portal.Components.Pages.Problems;

/// <summary>A move of a problem as its form holds it: a status among those the problem may move to next, the version or
/// change with the fix (asked for, and required, when it becomes fixed), a note, and whether to tell the linked cases'
/// customers, which triage allows only when a fixed problem is closed, so it is offered only then.</summary>
public sealed class ProblemMoveForm(ProblemRecord problem)
{
    public string? Status { get; set; }

    /// <summary>The fix already named stays unless it is changed.</summary>
    public string? FixedIn { get; set; } = problem.FixedIn;

    public string? Note { get; set; }

    public bool NotifyCustomers { get; set; }

    public IReadOnlyList<string> Choices => problem.Next;

    public bool AsksFixedIn => Status == ProblemStatuses.Fixed;

    public bool OffersToTellCustomers => problem.Status == ProblemStatuses.Fixed && Status == ProblemStatuses.Closed;

    /// <summary>What keeps the move from being sent, by field as the API names them, or null. Triage refuses the same;
    /// saying it at once spares a round trip.</summary>
    public GatewayProblem? Incomplete()
    {
        var errors = new Dictionary<string, string[]>();
        if (Status is null || !Choices.Contains(Status))
        {
            errors["status"] = ["Choose the status it moves to."];
        }

        if (AsksFixedIn && Blank(FixedIn) is null)
        {
            errors["fixedIn"] = ["Say which version or change has the fix."];
        }

        return errors.Count == 0 ? null : new GatewayProblem(StatusCodes.Status400BadRequest, "The move is not complete.", null, errors);
    }

    /// <summary>The body of POST /api/v1/triage/problems/{id}/status; what does not apply is left out.</summary>
    public Dictionary<string, object> Body()
    {
        var body = new Dictionary<string, object> { ["status"] = Status! };
        if (AsksFixedIn && Blank(FixedIn) is { } fix)
        {
            body["fixedIn"] = fix;
        }

        if (Blank(Note) is { } note)
        {
            body["note"] = note;
        }

        if (OffersToTellCustomers && NotifyCustomers)
        {
            body["notifyCustomers"] = true;
        }

        return body;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
