using System.Security.Cryptography;
using System.Text;

namespace EscalationPlatform.AppHost;

/// <summary>The secrets the platform's processes share, as Aspire secret parameters (masked in the dashboard): the key
/// the gateway signs the caller's identity with for the services (Tenancy:TrustKey), the key of the development token
/// issuer (Auth:SigningKey), and the platform operator's key (Auth:OperatorKey; the gateway is given only its
/// SHA-256). Given in configuration they are used as given; otherwise they are generated once and kept in the state
/// folder (readable by the owner only), so tokens and keys handed out before a restart still work after it.</summary>
public sealed record PlatformSecrets(
    IResourceBuilder<ParameterResource> TrustKey, IResourceBuilder<ParameterResource> SigningKey, IResourceBuilder<ParameterResource> OperatorKeySha256)
{
    public static PlatformSecrets Add(IDistributedApplicationBuilder builder, string stateDirectory)
    {
        var configuration = builder.Configuration;
        var operatorKey = configuration["Auth:OperatorKey"] ?? Kept(stateDirectory, "operator-key", () => "op_" + NewKey().Replace('+', '-').Replace('/', '_'));
        return new(
            builder.AddParameter("trust-key", configuration["Tenancy:TrustKey"] ?? Kept(stateDirectory, "trust-key", NewKey), secret: true),
            builder.AddParameter("signing-key", configuration["Auth:SigningKey"] ?? Kept(stateDirectory, "signing-key", NewKey), secret: true),
            builder.AddParameter("operator-key-sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operatorKey))), secret: true));
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string Kept(string stateDirectory, string name, Func<string> create)
    {
        var folder = Path.Combine(stateDirectory, "secrets");
        var file = Path.Combine(folder, name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        Directory.CreateDirectory(folder);
        var key = create();
        File.WriteAllText(file, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
