using System.Security.Cryptography;
using System.Text;

namespace EscalationPlatform.Contracts;

/// <summary>A customer's rating link (CSAT): the tenant, the escalation and an expiry, signed with the key notification
/// (which sends it) and insights (which takes the rating) share, HMAC-SHA256, so that it needs no login and cannot be
/// made up or changed. Used once: insights keeps one rating per escalation.</summary>
public static class RatingLink
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    private const string Version = "c1";

    /// <summary>The link key derived from the secret the services share (Tenancy:TrustKey), so that a rating link cannot
    /// be turned into anything else that key signs.</summary>
    public static byte[] KeyFrom(string? sharedSecret) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedSecret ?? "development-only"), "escalation-platform:rating-links"u8);

    public static string Token(string tenantId, Guid escalationId, DateTimeOffset expiresAt, byte[] key)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes($"{tenantId}\n{escalationId:N}\n{expiresAt.ToUnixTimeSeconds()}"));
        return $"{Version}.{payload}.{Sign(payload, key)}";
    }

    /// <summary>What the token says, or why it does not count: malformed, signed by someone else, or expired.</summary>
    public static RatingLinkRead Read(string? token, byte[] key, DateTimeOffset now)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 3 || parts[0] != Version || parts[1].Length > 400)
        {
            return RatingLinkRead.Refused("This rating link is not one we sent.");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[1], key)), Encoding.ASCII.GetBytes(parts[2])))
        {
            return RatingLinkRead.Refused("This rating link is not one we sent.");
        }

        var fields = Encoding.UTF8.GetString(FromBase64Url(parts[1])).Split('\n');
        if (fields.Length != 3 || !Guid.TryParseExact(fields[1], "N", out var escalationId) || !long.TryParse(fields[2], out var expires))
        {
            return RatingLinkRead.Refused("This rating link is not one we sent.");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return now > expiresAt
            ? RatingLinkRead.Refused("This rating link has expired.")
            : new RatingLinkRead(fields[0], escalationId, expiresAt, null);
    }

    private static string Sign(string payload, byte[] key) => Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{Version}.{payload}")));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}

/// <summary>A rating link read: whose and which case, or why it does not count.</summary>
public sealed record RatingLinkRead(string TenantId, Guid EscalationId, DateTimeOffset ExpiresAt, string? Refusal)
{
    public static RatingLinkRead Refused(string why) => new("", Guid.Empty, DateTimeOffset.MinValue, why);
}
