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

    public static ProblemHttpResult PreconditionFailed(string currentETag) => FieldProblems.Result(
        StatusCodes.Status412PreconditionFailed, "The resource has changed.",
        "If-Match does not match the current version: read it again and retry.", "If-Match", "stale version",
        [new("currentETag", currentETag)]);
}
