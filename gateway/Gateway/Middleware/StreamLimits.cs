using System.Collections.Concurrent;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Limits;
using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.ServiceDefaults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EscalationPlatform.Gateway.Middleware;

/// <summary>Long-lived streams (gRPC WatchUpdates, server-sent change events) are bounded: a credential holds at most a
/// few at once (more: RESOURCE_EXHAUSTED, or 429 with problem details for server-sent events),
/// each ends after its maximum lifetime or when its token expires, and an API key's streams end within seconds of
/// the key being revoked. A stream that must end is cut (the client sees it end and reconnects, which then meets the
/// credential check again).</summary>
public sealed class StreamLimits(RequestDelegate next, CredentialStore credentials, IOptions<StreamOptions> options, TimeProvider clock,
    IProblemDetailsService problems, ILogger<StreamLimits> logger)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsStream(context.Request) || context.User.FindFirst(PlatformClaims.RateKey)?.Value is not { } credential)
        {
            await next(context);
            return;
        }

        if (_open.AddOrUpdate(credential, 1, (_, count) => count + 1) > options.Value.MaxPerCredential)
        {
            Release(credential);
            var why = $"This credential already has {options.Value.MaxPerCredential} streams open; close one first.";
            if (IsServerSentEvents(context.Request))
            {
                context.Response.Headers.RetryAfter = "5";
                await problems.WriteProblemAsync(context, FieldProblems.Create(StatusCodes.Status429TooManyRequests, "Too many open streams.", why, "streams"));
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "8"; // RESOURCE_EXHAUSTED
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(why);
            return;
        }

        using var watch = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var watchdog = WatchAsync(context, credential, watch.Token);
        try
        {
            await next(context);
        }
        finally
        {
            await watch.CancelAsync();
            await watchdog;
            Release(credential);
        }
    }

    /// <summary>Ends the stream at its deadline (lifetime or token expiry) or when its API key is no longer valid.</summary>
    private async Task WatchAsync(HttpContext context, string credential, CancellationToken stop)
    {
        var deadline = clock.GetUtcNow() + options.Value.MaxLifetime;
        if (TokenExpiry(context.Request) is { } expires && expires < deadline)
        {
            deadline = expires;
        }

        var key = ApiKeyAuthenticationHandler.KeyOf(context.Request);
        try
        {
            while (true)
            {
                var wait = deadline - clock.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    End(context, credential, "it reached its lifetime or its credential expired");
                    return;
                }

                await Task.Delay(wait < options.Value.RecheckEvery ? wait : options.Value.RecheckEvery, clock, stop);
                if (key is not null && !key.StartsWith(OperatorCredentials.KeyPrefix, StringComparison.Ordinal)
                    && await credentials.FindAsync(key, stop) is null)
                {
                    End(context, credential, "its API key was revoked");
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private void End(HttpContext context, string credential, string why)
    {
        logger.LogInformation("Ending the stream of {Credential}: {Why}", credential, why);
        context.Abort();
    }

    private void Release(string credential)
    {
        if (_open.AddOrUpdate(credential, 0, (_, count) => count - 1) <= 0)
        {
            _open.TryRemove(new KeyValuePair<string, int>(credential, 0));
        }
    }

    private static bool IsStream(HttpRequest request) =>
        request.Path.Equals($"/{GatewayRoutes.PublicGrpcService}/WatchUpdates", StringComparison.Ordinal) || IsServerSentEvents(request);

    private static bool IsServerSentEvents(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(GatewayRoutes.ChangesPath, StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset? TokenExpiry(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var handler = new JsonWebTokenHandler();
        var token = authorization["Bearer ".Length..].Trim();
        return handler.CanReadToken(token) ? new DateTimeOffset(handler.ReadJsonWebToken(token).ValidTo, TimeSpan.Zero) : null;
    }
}
