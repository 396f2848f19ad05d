using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EscalationPlatform.Portal.Identity;

/// <summary>How people sign in to the portal: a cookie whose session (claims and gateway token) stays on the server.
/// In Development the sign-in page asks the gateway's development issuer for a token (<see cref="DevTokens"/>).</summary>
public static class PortalSignIn
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string CookieName = "escalation-portal";

    public static IServiceCollection AddPortalSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ITicketStore, ServerSideSessions>();
        var external = configuration.GetSection(ExternalSignInOptions.Section).Get<ExternalSignInOptions>() ?? new ExternalSignInOptions();
        services.AddSingleton(external);
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        if (external.Enabled)
        {
            ExternalSignIn.Add(authentication, external);
        }

        authentication.AddCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = false;
            // An authenticated person without the role gets 403 and the status page, not a redirect to a page that
            // would answer 200: the browser, tests and proxies see what happened.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ITicketStore>(ServerSideSessions.Use);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    public static Task SignInAsync(this HttpContext context, PortalUser user) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user.ToPrincipal(),
            new AuthenticationProperties { ExpiresUtc = user.ExpiresAt, IsPersistent = false });

    /// <summary>A form post (antiforgery-checked) ends the session on the server and in the browser, and at the
    /// organisation's provider for a person who signed in there; with an external provider configured,
    /// GET /signin/external starts its sign-in and comes back to the page asked for.</summary>
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<ExternalSignInOptions>().Enabled)
        {
            endpoints.MapGet(ExternalSignIn.Path, (string? returnUrl) =>
                TypedResults.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [ExternalSignIn.Scheme]));
        }

        endpoints.MapPost(SignOutPath, async Task<IResult> (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            // Signed in with the organisation's provider: its session ends too, or the next sign-in would be silent.
            return context.User.HasClaim(claim => claim.Type == ExternalSignIn.IdTokenClaim)
                ? TypedResults.SignOut(new AuthenticationProperties { RedirectUri = SignInPath }, [ExternalSignIn.Scheme])
                : TypedResults.LocalRedirect(SignInPath);
        });
        return endpoints;
    }

    /// <summary>Only a path on this site is followed after sign-in ("/cases/..."), never another site ("//evil", "/\evil").</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
