using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace EscalationPlatform.Gateway.Identity;

/// <summary>One platform operator's key, configured at deployment (section "Operators": Name and KeySha256, the
/// SHA-256 of the key in hex). Only the hash is configured; the key itself is handed to the operator.</summary>
public sealed class OperatorKey
{
    public string Name { get; set; } = "";

    public string KeySha256 { get; set; } = "";
}

/// <summary>The platform operator's credentials: "op_" keys that no tenant can obtain (they are not in the
/// credential store and the admin API cannot mint them). An operator acts for no tenant and reaches only the
/// operations surface of each service (error queues and replay across tenants) and the full /info.</summary>
public sealed class OperatorCredentials
{
    public const string Section = "Operators";
    public const string KeyPrefix = "op_";

    private readonly (string Name, byte[] Hash)[] _keys;

    public OperatorCredentials(IConfiguration configuration)
    {
        var keys = configuration.GetSection(Section).Get<List<OperatorKey>>() ?? [];
        _keys = [.. keys.Select(Parse)];
    }

    /// <summary>The operator this key belongs to, or null.</summary>
    public string? Find(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        string? found = null;
        foreach (var (name, expected) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found = name;
            }
        }

        return found;
    }

    public static ClaimsPrincipal Principal(string name, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(PlatformClaims.Subject, $"operator:{name}"),
            new Claim(PlatformClaims.Name, name),
            new Claim(PlatformClaims.ActorKind, "operator"),
            new Claim(PlatformClaims.Scope, Scopes.Operations),
            new Claim(PlatformClaims.RateKey, $"operator:{name}"),
        ],
        scheme, PlatformClaims.Name, PlatformClaims.Role));

    public static string NewKey() => KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private static (string, byte[]) Parse(OperatorKey key, int index)
    {
        if (key.Name.Length is 0 or > 100 || key.KeySha256.Length != 64 || !key.KeySha256.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException(
                $"{Section}:{index} needs a Name (1 to 100 characters) and KeySha256 (the SHA-256 of the operator's key, 64 hex characters).");
        }

        return (key.Name, Convert.FromHexString(key.KeySha256));
    }
}
