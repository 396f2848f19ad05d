using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Gateway.Identity;

/// <summary>Authenticates partner systems by API key, sent as <c>X-Api-Key: &lt;key&gt;</c>, as
/// <c>Authorization: Bearer &lt;key&gt;</c> or as the password of <c>Authorization: Basic</c> (for tools that can
/// send nothing else, such as Alertmanager).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialStore credentials,
    OperatorCredentials operators)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyPrefix = "ep_";
    public const int MaxKeyLength = 200;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (key.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        if (key.StartsWith(OperatorCredentials.KeyPrefix, StringComparison.Ordinal))
        {
            return operators.Find(key) is { } name
                ? AuthenticateResult.Success(new AuthenticationTicket(OperatorCredentials.Principal(name, SchemeName), SchemeName))
                : AuthenticateResult.Fail("The operator key is not valid.");
        }

        var credential = await credentials.FindAsync(key, Context.RequestAborted);
        return credential is { Kind: CredentialKind.ApiKey }
            ? AuthenticateResult.Success(new AuthenticationTicket(Principal(credential, SchemeName), SchemeName))
            : AuthenticateResult.Fail("The API key is not valid, or it was revoked.");
    }

    /// <summary>The principal of a partner credential: its tenant, scopes and limits.</summary>
    public static ClaimsPrincipal Principal(Credential credential, string scheme)
    {
        List<Claim> claims =
        [
            new(PlatformClaims.Tenant, credential.TenantId),
            new(PlatformClaims.Subject, $"key:{credential.Id}"),
            new(PlatformClaims.Name, credential.Name),
            new(PlatformClaims.ActorKind, "partner"),
            new(PlatformClaims.RateKey, $"credential:{credential.Id}"),
            .. JsonSerializer.Deserialize<string[]>(credential.Scopes)!.Select(scope => new Claim(PlatformClaims.Scope, scope)),
        ];
        if (credential.CustomerId is not null)
        {
            claims.Add(new(PlatformClaims.Customer, credential.CustomerId));
        }

        if (credential.RateLimitPerMinute is { } limit)
        {
            claims.Add(new(PlatformClaims.RateLimit, limit.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, PlatformClaims.Name, PlatformClaims.Role));
    }

    /// <summary>The API key a request carries, if it carries one in any of the accepted forms.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header) && header.Count > 0)
        {
            return header.ToString();
        }

        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization) || authorization.Parameter is null)
        {
            return null;
        }

        if (authorization.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            && (authorization.Parameter.StartsWith(KeyPrefix, StringComparison.Ordinal) || authorization.Parameter.StartsWith(OperatorCredentials.KeyPrefix, StringComparison.Ordinal)))
        {
            return authorization.Parameter;
        }

        if (authorization.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Parameter));
                return pair.Split(':', 2) is [_, var password] && password.Length > 0 ? password : null;
            }
            catch (FormatException)
            {
                return "";
            }
        }

        return null;
    }
}
