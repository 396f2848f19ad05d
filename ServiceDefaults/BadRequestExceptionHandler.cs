using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.ServiceDefaults;

/// <summary>Requests the framework could not read (malformed JSON, a body too large, a bad header) are the
/// client's error: answer with the status the framework chose and say which field broke, never a 500.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails, IOptions<JsonOptions> json) : IExceptionHandler
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
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason] };
        }

        return await problemDetails.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The framework's messages quote the handler's parameter ("SubmitRequest request"): say what happened without it.</summary>
    private static string Plain(string message) => message switch
    {
        _ when !message.Contains("parameter \"", StringComparison.Ordinal) => message,
        _ when message.Contains("was not provided", StringComparison.Ordinal) => "A request body is required.",
        _ when message.Contains("from the request body", StringComparison.Ordinal) => "The request body could not be read as JSON.",
        _ => "A parameter of the request is missing or not valid.",
    };
}
