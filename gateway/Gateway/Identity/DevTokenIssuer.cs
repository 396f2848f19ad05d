using System.Net;
using System.Security.Claims;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EscalationPlatform.Gateway.Identity;

public sealed record DevTokenRequest(string? Tenant = null, string? Subject = null, string? Name = null, IReadOnlyList<string>? Roles = null);

public sealed record DevToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>The local token issuer for development: signs a JWT with the gateway's own key for the tenant, subject
/// and roles asked for. It runs in the Development environment only (<see cref="AuthConfiguration"/>) and answers
/// callers on this machine only; a deployment trusts its identity provider instead (Auth:Issuers).</summary>
public static class DevTokenIssuer
{
    public const string Path = "/api/v1/auth/dev-token";

    public static SymmetricSecurityKey Key(AuthOptions options) =>
        new(Convert.FromBase64String(options.SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not configured.")));

    public static IEndpointRouteBuilder MapDevTokenIssuer(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.DevIssuerEnabled)
        {
            endpoints.MapPost(Path, Issue).AllowAnonymous().WithTags("Development")
                .WithSummary("Mints a portal user's token (development only): tenant, subject, name and roles (agent, lead, manager, admin).");
        }

        return endpoints;
    }

    /// <summary>Loopback only, IPv4-mapped IPv6 included: whoever can reach the gateway from elsewhere must not learn
    /// that the issuer exists.</summary>
    public static bool IsLocalCaller(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static Results<Ok<DevToken>, ValidationProblem, NotFound> Issue(
        DevTokenRequest request, HttpContext context, IOptions<AuthOptions> options, TimeProvider clock)
    {
        if (!IsLocalCaller(context.Connection.RemoteIpAddress))
        {
            return TypedResults.NotFound(); // the status code pages make it the same problem details as any unknown path
        }

        var errors = new ValidationErrors();
        if (!Tenant.IsValid(request.Tenant))
        {
            errors.Add("tenant", "required: lowercase letters, digits and dashes, up to 63 characters");
        }

        errors.Text("subject", request.Subject, 200).Text("name", request.Name, 200);
        var roles = request.Roles ?? [];
        if (roles.Count == 0 || roles.Any(role => !Roles.All.Contains(role)))
        {
            errors.Add("roles", $"one or more of {string.Join(", ", Roles.All)}");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNow();
        var expires = now + options.Value.DevTokenLifetime;
        var subject = request.Subject ?? "dev-user";
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, subject),
                new Claim(PlatformClaims.Name, request.Name ?? subject),
                new Claim(PlatformClaims.Tenant, request.Tenant!),
                .. roles.Distinct().Select(role => new Claim(PlatformClaims.Role, role)),
            ]),
            SigningCredentials = new SigningCredentials(Key(options.Value), SecurityAlgorithms.HmacSha256),
        });
        return TypedResults.Ok(new DevToken(token, expires));
    }
}
