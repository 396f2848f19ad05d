using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EscalationPlatform.Gateway.Identity;

/// <summary>Picks the authentication scheme for a bearer token by the issuer it names. The "iss" is read unvalidated,
/// only to choose which issuer's rules validate the token; a token that cannot be read, or that names an issuer this
/// gateway does not trust, goes to <see cref="UntrustedTokenHandler"/>.</summary>
public sealed class BearerSchemeSelector(IReadOnlyDictionary<string, string> schemeByIssuer)
{
    private static readonly JsonWebTokenHandler Reader = new();

    public string SchemeFor(string? token) =>
        IssuerOf(token) is { } issuer && schemeByIssuer.TryGetValue(issuer, out var scheme) ? scheme : UntrustedTokenHandler.SchemeName;

    /// <summary>The token of an "Authorization: Bearer" header, if the request has one.</summary>
    public static string? TokenOf(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization)
        && authorization.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrEmpty(authorization.Parameter)
            ? authorization.Parameter
            : null;

    public static string? IssuerOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || !Reader.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return Reader.ReadJsonWebToken(token).Issuer;
        }
        catch (Exception garbage) when (garbage is ArgumentException or Microsoft.IdentityModel.Tokens.SecurityTokenException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
