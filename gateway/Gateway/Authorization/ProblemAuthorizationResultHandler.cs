using EscalationPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

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
            var failure = Describe((await context.AuthenticateAsync()).Failure);
            context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Authentication required.",
                failure ?? "Send a bearer token (portal users) or an API key (Authorization: Bearer, or X-Api-Key).", "Authorization");
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var needs = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PlatformRequirement>().FirstOrDefault()?.Describe() ?? "another credential";
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed for this credential.", $"This needs {needs}.", "Authorization");
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The token library's messages name its error codes and the .NET types of the values it hides
    /// ("IDX10223 ... [PII of type 'System.DateTime' is hidden]", "Keys tried: 'Microsoft.IdentityModel...'"): say
    /// what is wrong with the token in plain words; the platform's own handlers already do.</summary>
    private static string? Describe(Exception? failure) => failure switch
    {
        null => null,
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry time.",
        SecurityTokenInvalidAudienceException => "The bearer token is for another audience.",
        SecurityTokenInvalidIssuerException => "The bearer token is from an issuer this platform does not trust.",
        SecurityTokenInvalidSignatureException => "The bearer token's signature is missing or not valid.",
        _ when failure is SecurityTokenException or SecurityTokenArgumentException || failure.Message.StartsWith("IDX", StringComparison.Ordinal) =>
            "The bearer token is not valid.",
        _ => failure.Message,
    };

    private ValueTask WriteAsync(HttpContext context, int status, string title, string detail, string field) =>
        problems.WriteProblemAsync(context, FieldProblems.Create(status, title, detail, field));
}
