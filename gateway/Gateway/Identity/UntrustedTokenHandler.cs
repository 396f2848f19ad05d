using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Gateway.Identity;

/// <summary>Where <see cref="BearerSchemeSelector"/> sends a bearer token no trusted issuer could have signed: it
/// fails with the reason, which the 401 problem details carry.</summary>
public sealed class UntrustedTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "UntrustedToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(BearerSchemeSelector.TokenOf(Request) is null
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Fail("The bearer token is not a JWT from an issuer this platform trusts."));
}
