using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EscalationPlatform.ServiceDefaults;

/// <summary>A database that is restarting or unreachable is not the client's fault and not a bug: answer 503 with
/// Retry-After, so clients and the gateway's retries know to come back, instead of a 500. Nothing was changed: the
/// request's transaction never committed.</summary>
public sealed class DependencyUnavailableExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "A server this request needs is unavailable; nothing was changed. Try again shortly.",
            Detail = $"Retry after {RetryAfterSeconds} seconds.",
        };
        return await problemDetails.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A transient database failure (connection refused or dropped, the server shutting down) or a socket
    /// error, anywhere in the exception's chain (EF Core and Npgsql wrap them).</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
