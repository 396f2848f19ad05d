using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;

namespace EscalationPlatform.AppHost;

/// <summary>The two secrets the platform's processes share: the key the gateway signs the caller's identity with
/// for the services (Tenancy:TrustKey), and the key of the development token issuer (Auth:SigningKey). Given in
/// configuration they are used as given; otherwise they are generated once and kept in the state folder (readable
/// by the owner only), so tokens minted before a restart still work after it.</summary>
public sealed record PlatformSecrets(string TrustKey, string SigningKey)
{
    public static PlatformSecrets Load(IConfiguration configuration, string stateDirectory) => new(
        configuration["Tenancy:TrustKey"] ?? Kept(stateDirectory, "trust-key"),
        configuration["Auth:SigningKey"] ?? Kept(stateDirectory, "signing-key"));

    private static string Kept(string stateDirectory, string name)
    {
        var folder = Path.Combine(stateDirectory, "secrets");
        var file = Path.Combine(folder, name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        Directory.CreateDirectory(folder);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(file, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
