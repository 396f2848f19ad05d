using System.Globalization;
using System.Net.Sockets;
using EscalationPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace EscalationPlatform.Gateway.Middleware;

/// <summary>When a service cannot be reached or does not answer, YARP sets 502, 503 or 504 and writes nothing; the
/// caller gets problem details instead, saying whether the request can have had an effect. A refused connection
/// (the service is restarting) reached nobody: 503 with Retry-After. Anything else may have reached it: the
/// answer says to retry with the same Idempotency-Key, which makes a second attempt safe.</summary>
public static class ForwarderErrorProblems
{
    public static IApplicationBuilder UseForwarderErrorProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Features.Get<IForwarderErrorFeature>() is not { } failure || context.Response.HasStarted)
        {
            return;
        }

        // The gateway's request timeout cancels the request the way a caller that leaves does, and YARP answers 400.
        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        if (failure.Error is ForwarderError.RequestBodyClient && TooLarge(failure.Exception))
        {
            await DeclaredBodyLimit.WriteTooLargeAsync(context); // a chunked body the limit cut off on the way through
            return;
        }

        if (!timedOut && failure.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient)
        {
            return; // the caller left or sent a broken body: YARP's answer stands
        }

        var problem = Describe(failure, context.Response.StatusCode, timedOut);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForwarderErrorProblems))
            .LogWarning("Forwarding {Method} {Path} failed ({ForwarderError}, proxy status {ProxyStatus}): answered {Status}",
                context.Request.Method, context.Request.Path, failure.Error, context.Response.StatusCode, problem.Status);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = DependencyUnavailableExceptionHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(context, problem);
    });

    private static ProblemDetails Describe(IForwarderErrorFeature failure, int statusSetByProxy, bool timedOutHere)
    {
        if (failure.Error is ForwarderError.NoAvailableDestinations || Refused(failure.Exception))
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service for this request is unavailable; nothing was changed. Try again shortly.",
                Detail = $"Retry after {DependencyUnavailableExceptionHandler.RetryAfterSeconds} seconds.",
            };
        }

        var timedOut = timedOutHere || failure.Error is ForwarderError.RequestTimedOut || statusSetByProxy == StatusCodes.Status504GatewayTimeout;
        return new ProblemDetails
        {
            Status = timedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway,
            Title = timedOut ? "The service for this request did not answer in time." : "The service for this request failed to answer.",
            Detail = "The request may have taken effect. Send it again with the same Idempotency-Key: a write that was done is not done twice.",
        };
    }

    private static bool TooLarge(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static bool Refused(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }
}
