using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EscalationPlatform.ServiceDefaults;

/// <summary>Requests the framework could not read (malformed JSON, a body too large, a bad header) are the
/// client's error: answer with the status the framework chose and say which field broke, never a 500.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
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
            Detail = badRequest.Message,
        };
        if (badRequest.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "body";
            var reason = json.Message.Split(" Path:", 2)[0];
            problem.Detail = $"The JSON at '{json.Path ?? "$"}' is not valid: {reason}";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field.Length > 0 ? field : "body"] = [reason] };
        }

        return await problemDetails.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
