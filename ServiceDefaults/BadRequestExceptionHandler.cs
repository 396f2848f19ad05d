using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.ServiceDefaults;

/// <summary>Requests the framework could not read (malformed JSON, a body too large, a bad header) are the
/// client's error: answer with the status the framework chose and say which field broke, never a 500.</summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, IOptions<JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large."
                : "The request could not be read.",
            Detail = Plain(badRequest.Message),
        };
        if (badRequest.InnerException is JsonException error)
        {
            var field = JsonErrors.Field(error);
            var reason = JsonErrors.Describe(error, json.Value.SerializerOptions);
            problem.Detail = $"{field}: {reason}";
            problem.Extensions[FieldProblems.ErrorsKey] = FieldProblems.Errors(field, reason);
        }
        else if (Parameter(badRequest.Message) is { } parameter)
        {
            problem.Extensions[FieldProblems.ErrorsKey] = FieldProblems.Errors(parameter.Field, parameter.Expected);
        }

        return await problemDetails.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The parameter a binding failure names ("Failed to bind parameter \"int limit\" from \"abc\".", "Implicit
    /// body inferred for parameter \"request\" but no body was provided"), as the field the client sent and what it must
    /// be; a missing or unreadable body is the field "body".</summary>
    public static (string Field, string Expected)? Parameter(string message)
    {
        if (BoundParameter().Match(message) is not { Success: true } match)
        {
            return null;
        }

        if (message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "required: a JSON object");
        }

        var type = match.Groups["type"].Value.TrimEnd('?');
        return (match.Groups["name"].Value, type switch
        {
            "int" or "long" or "short" => "must be a whole number within range",
            "bool" => "must be true or false",
            "Guid" => "must be an id (a UUID)",
            "DateTime" or "DateTimeOffset" => "must be an ISO-8601 date and time such as 2026-11-29T10:00:00Z",
            "double" or "decimal" or "float" => "must be a number",
            _ => "is missing or not valid",
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:(?<type>[A-Za-z0-9_.?<>\\[\\]]+) )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();

    /// <summary>The framework's messages quote the handler's parameter ("SubmitRequest request"): say what happened without it.</summary>
    private static string Plain(string message) => message switch
    {
        _ when !message.Contains("parameter \"", StringComparison.Ordinal) => message,
        _ when message.Contains("was not provided", StringComparison.Ordinal) => "A request body is required.",
        _ when message.Contains("from the request body", StringComparison.Ordinal) => "The request body could not be read as JSON.",
        _ => "A parameter of the request is missing or not valid.",
    };
}
