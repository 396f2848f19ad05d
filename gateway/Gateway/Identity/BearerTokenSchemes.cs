using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace EscalationPlatform.Gateway.Identity;

/// <summary>The JWT bearer schemes: the development issuer's (HS256 with the gateway's own key) when it is enabled,
/// and one per external OpenID Connect issuer (keys from its discovery document, asymmetric algorithms only).
/// Whatever the scheme, the token becomes a principal through <see cref="TokenPrincipal"/>.</summary>
public static class BearerTokenSchemes
{
    public const string DevIssuerScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>A symmetric algorithm here would let anyone who knows a public key sign with it (key confusion).</summary>
    public static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private static readonly TimeSpan DevIssuerClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Registers the schemes the options call for, and returns which scheme validates which issuer's tokens.</summary>
    public static IReadOnlyDictionary<string, string> AddBearerTokens(this AuthenticationBuilder authentication, AuthOptions auth)
    {
        var schemeByIssuer = new Dictionary<string, string>(StringComparer.Ordinal);
        if (auth.DevIssuerEnabled)
        {
            authentication.AddJwtBearer(DevIssuerScheme, jwt => DevIssuer(jwt, auth));
            schemeByIssuer[auth.Issuer] = DevIssuerScheme;
        }

        foreach (var issuer in auth.Issuers)
        {
            authentication.AddJwtBearer(issuer.SchemeName, jwt => External(jwt, issuer));
            schemeByIssuer[issuer.Issuer] = issuer.SchemeName;
        }

        authentication.AddScheme<AuthenticationSchemeOptions, UntrustedTokenHandler>(UntrustedTokenHandler.SchemeName, _ => { });
        return schemeByIssuer;
    }

    private static void DevIssuer(JwtBearerOptions jwt, AuthOptions auth)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            IssuerSigningKey = DevTokenIssuer.Key(auth),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = DevIssuerClockSkew,
        };
        jwt.Events = PrincipalFrom(TokenClaimRules.DevIssuer);
    }

    private static void External(JwtBearerOptions jwt, ExternalIssuerOptions issuer)
    {
        jwt.Authority = issuer.Issuer;
        jwt.MetadataAddress = issuer.DiscoveryAddress;
        jwt.RequireHttpsMetadata = issuer.RequireHttpsMetadata;
        jwt.Audience = issuer.Audience;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = issuer.Audience,
            ValidAlgorithms = AsymmetricAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = issuer.ClockSkew,
        };
        jwt.Events = PrincipalFrom(TokenClaimRules.For(issuer));
    }

    private static JwtBearerEvents PrincipalFrom(TokenClaimRules rules) => new()
    {
        OnTokenValidated = context =>
        {
            var (user, refusal) = TokenPrincipal.From(context.Principal!, rules, context.Scheme.Name);
            if (user is null)
            {
                context.Fail(refusal!);
            }
            else
            {
                context.Principal = user;
            }

            return Task.CompletedTask;
        },
    };
}
