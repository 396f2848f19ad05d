using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EscalationPlatform.ServiceDefaults;

/// <summary>Problem details that name the field at fault, in the one shape every platform error uses for it:
/// <c>"errors": { "field": ["message"] }</c>, the member ASP.NET Core's validation problems carry (a request with
/// several bad fields collects them in <c>ValidationErrors</c> and answers with all of them). Endpoints return
/// <see cref="Result"/>; middleware and handlers that answer before an endpoint write <see cref="Create"/> with
/// <see cref="WriteProblemAsync"/>.</summary>
public static class FieldProblems
{
    /// <summary>The <c>errors</c> member for one field and its message.</summary>
    public static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    /// <summary>The name of the member.</summary>
    public const string ErrorsKey = "errors";

    /// <summary>An endpoint's problem answer naming <paramref name="field"/> (with <paramref name="message"/>, or the
    /// detail when none is given) and any further extension members.</summary>
    public static ProblemHttpResult Result(int status, string title, string detail, string field, string? message = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?>(extensions ?? []) { [ErrorsKey] = Errors(field, message ?? detail) });

    /// <summary>The same problem for middleware and exception handlers.</summary>
    public static ProblemDetails Create(int status, string title, string detail, string field, string? message = null) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { [ErrorsKey] = Errors(field, message ?? detail) },
    };

    /// <summary>Answers the request with the problem: its status, and the body as every platform error has it. A
    /// caller whose Accept names no JSON (an event stream's "text/event-stream") gets problem details all the same.</summary>
    public static async ValueTask WriteProblemAsync(this IProblemDetailsService problems, HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (!await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}
