using System.Security.Claims;
using System.Net.Http.Headers;
using EscalationPlatform.Portal.Gateway;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace EscalationPlatform.Portal.Identity;

/// <summary>Configuration section "Portal:Oidc": the organisation's OpenID Connect provider, whose access tokens the
/// gateway trusts (its Auth:Issuers). Without an authority, there is no external sign-in.</summary>
public sealed class ExternalSignInOptions
{
    public const string Section = "Portal:Oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>A resource indicator (RFC 8707) for providers that issue the platform's access tokens only when asked.</summary>
    public string? Resource { get; set; }

    public string Scope { get; set; } = "openid profile";

    /// <summary>What the sign-in button says, for example the organisation's name.</summary>
    public string DisplayName { get; set; } = "your organisation";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>Sign-in with the organisation's provider: the authorization code flow (with PKCE); the access token it
/// yields is shown to the gateway (GET /api/v1/auth/me), and the session holds the person as the gateway sees them:
/// tenant and roles come from the gateway's configuration, never from the token.</summary>
public static class ExternalSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string Path = "/signin/external";

    /// <summary>The provider's ID token, kept in the server-side session: sign-out hands it back to the provider
    /// (id_token_hint) so that the provider ends its own session too.</summary>
    public const string IdTokenClaim = "id_token";

    public static void Add(Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, ExternalSignInOptions settings) =>
        authentication.AddOpenIdConnect(Scheme, options =>
        {
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SaveTokens = false; // the session keeps the access token in its own principal, on the server
            options.GetClaimsFromUserInfoEndpoint = false;
            options.MapInboundClaims = false;
            options.Scope.Clear();
            foreach (var scope in settings.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                options.Scope.Add(scope);
            }

            if (settings.Resource is { Length: > 0 } resource)
            {
                options.AdditionalAuthorizationParameters["resource"] = resource;
            }

            options.Events.OnTokenValidated = AsThePlatformSeesThemAsync;

            // RP-initiated logout: after the portal's own session ends, the provider's ends as well, and it sends the
            // person back to the sign-in page (via /signout-callback-oidc).
            options.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                context.ProtocolMessage.IdTokenHint = context.HttpContext.User.FindFirst(IdTokenClaim)?.Value;
                return Task.CompletedTask;
            };

            options.Events.OnRemoteFailure = context =>
            {
                // The reason goes to the log; the page says what a person can do about it, without echoing a text from the URL.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(ExternalSignIn))
                    .LogWarning("External sign-in failed: {Reason}", context.Failure?.Message);
                context.Response.Redirect($"{PortalSignIn.SignInPath}?failed=external");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });

    /// <summary>Replaces the provider's principal with the person the gateway recognises in the access token; a token
    /// the gateway does not accept (another audience, no platform role) ends the sign-in with its reason.</summary>
    private static async Task AsThePlatformSeesThemAsync(TokenValidatedContext context)
    {
        var token = context.TokenEndpointResponse?.AccessToken;
        if (string.IsNullOrEmpty(token))
        {
            context.Fail("The identity provider gave no access token.");
            return;
        }

        var http = context.HttpContext.RequestServices.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ExternalSignIn));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, context.HttpContext.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await GatewayProblem.ReadAsync(response, context.HttpContext.RequestAborted);
            context.Fail($"The platform does not accept this sign-in: {problem.Message}");
            return;
        }

        var caller = await response.Content.ReadFromJsonAsync<Caller>(GatewayClient.Json, context.HttpContext.RequestAborted);
        var expiresIn = int.TryParse(context.TokenEndpointResponse!.ExpiresIn, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(1);
        var expires = DateTimeOffset.UtcNow + expiresIn;
        var user = new PortalUser(caller!.Tenant, caller.Id, caller.Name, caller.Roles, token, expires);
        context.Principal = user.ToPrincipal();
        if (context.TokenEndpointResponse.IdToken is { Length: > 0 } idToken)
        {
            ((ClaimsIdentity)context.Principal.Identity!).AddClaim(new Claim(IdTokenClaim, idToken));
        }
        context.Properties!.ExpiresUtc = expires;
    }

    private sealed record Caller(string Tenant, string Id, string Name, IReadOnlyList<string> Roles);
}
