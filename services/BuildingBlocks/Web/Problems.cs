using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationPlatform.Web;

/// <summary>The problem responses the platform's APIs give, in one place, so each says the same thing the same way.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"There is no {what} '{id}'.");

    /// <summary>An action the resource's current state does not allow (409), naming that state.</summary>
    public static ProblemHttpResult Conflict(string detail, string currentStatus) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the current status.", detail: detail,
        extensions: new Dictionary<string, object?> { ["currentStatus"] = currentStatus });

    public static ProblemHttpResult Forbidden(string detail, string field) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for this actor.", detail: detail,
        extensions: Field(field, detail));

    public static ProblemHttpResult PreconditionFailed(string currentETag) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed, title: "The resource has changed.",
        detail: "If-Match does not match the current version: read it again and retry.",
        extensions: new Dictionary<string, object?> { ["currentETag"] = currentETag, ["errors"] = new Dictionary<string, string[]> { ["If-Match"] = ["stale version"] } });

    public static Dictionary<string, object?> Field(string field, string message) =>
        new() { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } };
}
