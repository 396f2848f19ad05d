using System.Security.Cryptography;
using System.Text;

namespace Notification.Api.Webhooks;

/// <summary>The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 over "{id}.{timestamp}.{body}"
/// with the secret's bytes, sent as "webhook-signature: v1,{base64}" next to webhook-id and webhook-timestamp.</summary>
public static class StandardWebhooks
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return $"v1,{Convert.ToBase64String(signature)}";
    }
}
