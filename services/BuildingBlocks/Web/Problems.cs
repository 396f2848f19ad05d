using EscalationPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationPlatform.Web;

/// <summary>The problem responses the platform's APIs give, in one place, so each says the same thing the same way
/// (a field at fault is named as <see cref="FieldProblems"/> does it).</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"There is no {what} '{id}'.");

    /// <summary>An action the resource's current state does not allow (409), naming that state.</summary>
    public static ProblemHttpResult Conflict(string detail, string currentStatus) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the current status.", detail: detail,
        extensions: new Dictionary<string, object?> { ["currentStatus"] = currentStatus });

    public static ProblemHttpResult Forbidden(string detail, string field) =>
        FieldProblems.Result(StatusCodes.Status403Forbidden, "Not allowed for this actor.", detail, field);

    /// <summary>412: the version the caller read is not the current one (named when known).</summary>
    public static ProblemHttpResult PreconditionFailed(string? currentETag) => FieldProblems.Result(
        StatusCodes.Status412PreconditionFailed, "The resource has changed.",
        "If-Match does not match the current version: read it again and retry.", "If-Match", "stale version",
        currentETag is null ? [] : [new("currentETag", currentETag)]);

    /// <summary>For a change that must not overwrite another unseen: 428 without If-Match, 412 when it names another
    /// version than <paramref name="currentETag"/>; null when the caller read the current one.</summary>
    public static ProblemHttpResult? UnlessCurrent(string ifMatch, string currentETag, string what) =>
        ifMatch.Length == 0
            ? FieldProblems.Result(StatusCodes.Status428PreconditionRequired, "If-Match is required.",
                $"Send the ETag of the {what} as you read it (GET), so that nobody's change is overwritten unseen.", "If-Match")
            : ifMatch != currentETag ? PreconditionFailed(currentETag) : null;

    /// <summary>For a PUT that creates or replaces: replacing needs the current version (<see cref="UnlessCurrent"/>);
    /// creating (<paramref name="currentETag"/> null) takes no If-Match, and one naming a version is refused (412), as
    /// there is none.</summary>
    public static ProblemHttpResult? UnlessCurrentOrNew(string ifMatch, string? currentETag, string what) =>
        currentETag is not null ? UnlessCurrent(ifMatch, currentETag, what)
            : ifMatch.Length > 0 ? PreconditionFailed(null)
            : null;
}
