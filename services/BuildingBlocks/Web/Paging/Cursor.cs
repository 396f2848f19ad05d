using System.Buffers.Text;

namespace EscalationPlatform.Web.Paging;

/// <summary>An opaque cursor for keyset pagination over time-ordered (UUIDv7) ids: the last id of the page.</summary>
public static class Cursor
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static string Encode(Guid last) => Base64Url.EncodeToString(last.ToByteArray(bigEndian: true));

    public static bool TryDecode(string? cursor, out Guid last)
    {
        last = Guid.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 32)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[24];
        if (!Base64Url.IsValid(cursor) || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != 16)
        {
            return false; // TryDecodeFromChars throws on a character outside the alphabet: IsValid checks first
        }

        last = new Guid(bytes[..16], bigEndian: true);
        return true;
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
