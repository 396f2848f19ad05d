using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EscalationPlatform.Web;

/// <summary>How PagerDuty's Events and Change Events APIs refuse an event: 400 with "message" and the errors as a list
/// of sentences, carried here in problem details so that the platform's clients read it like any other refusal.</summary>
public static class PagerDutyProblem
{
    public static IResult Invalid(IReadOnlyList<string> errors) => Results.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Event object is invalid.",
        Detail = string.Join(" ", errors),
        Extensions =
        {
            ["message"] = "Event object is invalid",
            ["errors"] = errors,
        },
    });
}
