using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace EscalationPlatform.Gateway.Authorization;

/// <summary>Refusals as problem details: 401 when there is no valid credential (and why, with a
/// WWW-Authenticate challenge), 403 naming the role or scope the route needs.</summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var failure = (await context.AuthenticateAsync()).Failure?.Message;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Authentication required.",
                failure ?? "Send a bearer token (portal users) or an API key (Authorization: Bearer, or X-Api-Key).", "Authorization");
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var needs = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PlatformRequirement>().FirstOrDefault()?.Describe() ?? "another credential";
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed for this credential.", $"This needs {needs}.", "Authorization");
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private Task WriteAsync(HttpContext context, int status, string title, string detail, string field) =>
        problems.WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = detail,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } },
            },
        }).AsTask();
}
