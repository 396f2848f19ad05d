using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EndToEnd.Tests.Hostile;

/// <summary>Credentials the gateway must refuse with 401: tokens expired, not yet valid, without an expiry, unsigned
/// (alg "none"), from another issuer or for another audience (signed with the development issuer's real key, so only
/// that claim is wrong), signed with another key or algorithm, tampered with, or garbage; unknown API keys.</summary>
public static class ForgedCredentials
{
    private const string DevIssuer = "escalation-platform-dev";
    private const string Audience = "escalation-platform";

    public static IEnumerable<Caller> For(PlatformFixture platform, string tenant, string victim, string realToken)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(Path.Combine(platform.Host.StateDirectory, "secrets", "signing-key")).Trim()));
        var now = DateTime.UtcNow;
        string Sign(Action<SecurityTokenDescriptor> change, SecurityKey? with = null, string algorithm = SecurityAlgorithms.HmacSha256)
        {
            var descriptor = new SecurityTokenDescriptor
            {
                Issuer = DevIssuer,
                Audience = Audience,
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddMinutes(10),
                Subject = new ClaimsIdentity([new Claim("sub", "mallory"), new Claim("tenant", tenant), new Claim("role", "admin")]),
                SigningCredentials = new SigningCredentials(with ?? key, algorithm),
            };
            change(descriptor);
            return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        }

        var real = realToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(real[1]));
        var otherTenant = Base64UrlEncoder.Encode(payload.Replace($"\"{tenant}\"", $"\"{victim}\"", StringComparison.Ordinal));
        (string Name, string Token)[] tokens =
        [
            ("expired token", Sign(token => (token.NotBefore, token.Expires, token.IssuedAt) = (now.AddHours(-2), now.AddHours(-1), now.AddHours(-2)))),
            ("token not valid yet", Sign(token => (token.NotBefore, token.Expires) = (now.AddHours(1), now.AddHours(2)))),
            ("token without an expiry", Sign(token => token.Expires = null)),
            ("alg none", $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{real[1]}."),
            ("alg none, signature kept", $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{real[1]}.{real[2]}"),
            ("another issuer", Sign(token => token.Issuer = "https://evil.example")),
            ("another audience", Sign(token => token.Audience = "another-api")),
            ("another key", Sign(_ => { }, new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)))),
            ("RS256 with a key of its own", Sign(_ => { }, new RsaSecurityKey(RSA.Create(2048)), SecurityAlgorithms.RsaSha256)),
            ("tenant changed, signature kept", $"{real[0]}.{otherTenant}.{real[2]}"),
            ("signature cut off", $"{real[0]}.{real[1]}."),
            ("garbage", "abc.def.ghi"),
            ("not a JWT", "not-a-jwt"),
            ("8 KB of base64", Convert.ToBase64String(RandomNumberGenerator.GetBytes(6000))),
            ("header only", $"{real[0]}.."),
        ];
        foreach (var (name, token) in tokens)
        {
            yield return new(name, "Authorization", $"Bearer {token}", new HashSet<string>());
        }

        yield return new("unknown API key", "X-Api-Key", "ep_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), new HashSet<string>());
        yield return new("empty API key", "X-Api-Key", "", new HashSet<string>());
        yield return new("operator key, one character off", "Authorization", $"Bearer {platform.Host.OperatorKey[..^1]}x", new HashSet<string>());
        yield return new("basic with an unknown key", "Authorization", $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("alertmanager:ep_nothing"))}",
            new HashSet<string>());
    }

    /// <summary>Validly signed tokens whose claims give no tenant or no role: never more than a 401 or 403.</summary>
    public static IEnumerable<Caller> WithoutRights(PlatformFixture platform, string tenant)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(Path.Combine(platform.Host.StateDirectory, "secrets", "signing-key")).Trim()));
        string Sign(params Claim[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevIssuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

        yield return new("token without a tenant", "Authorization", $"Bearer {Sign(new Claim("sub", "mallory"), new Claim("role", "admin"))}", new HashSet<string>());
        yield return new("token with a path as tenant", "Authorization",
            $"Bearer {Sign(new Claim("sub", "mallory"), new Claim("tenant", $"../{tenant}"), new Claim("role", "admin"))}", new HashSet<string>());
        yield return new("token with an unknown role", "Authorization",
            $"Bearer {Sign(new Claim("sub", "mallory"), new Claim("tenant", tenant), new Claim("role", "superuser"))}", new HashSet<string>());
        yield return new("token with a scope claim", "Authorization",
            $"Bearer {Sign(new Claim("sub", "mallory"), new Claim("tenant", tenant), new Claim("scope", "operations"), new Claim("actor_kind", "operator"))}",
            new HashSet<string>());
    }
}
