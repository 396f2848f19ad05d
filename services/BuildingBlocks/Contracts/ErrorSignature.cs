using System.Text;
using System.Text.RegularExpressions;

namespace EscalationPlatform.Contracts;

/// <summary>An error message with what differs between occurrences masked (timestamps, ids, hex, numbers) and a log
/// line's prefix dropped (its time, level and thread), so that the same error from two customers, or quoted from two
/// log files, reads the same: the one definition insights groups by and triage matches known errors with.</summary>
public static partial class ErrorSignature
{
    public const int MaxLength = 200;

    public static string? Of(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var text = message.Length > 4 * MaxLength ? message[..(4 * MaxLength)] : message;
        text = Timestamp().Replace(text, "<time>");
        text = Uuid().Replace(text, "<id>");
        text = Hex().Replace(text, "<hex>");
        text = Number().Replace(text, "<n>");
        text = Space().Replace(text, " ").Trim().ToLowerInvariant();
        text = LogPrefix().Replace(text, "");
        if (text.Length == 0)
        {
            return null; // a log line's prefix and nothing else
        }

        var signature = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            signature.Append(char.IsControl(character) ? ' ' : character);
        }

        return signature.Length > MaxLength ? signature.ToString(0, MaxLength) : signature.ToString();
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\b0x[0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Hex();

    [GeneratedRegex(@"\d+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Space();

    /// <summary>"&lt;time&gt; error [worker-&lt;n&gt;] " at the start, as log lines begin (after masking and lower-casing).</summary>
    [GeneratedRegex(@"^<time> ?(\[?(trace|debug|info|information|warn|warning|error|fail|fatal|critical)\]? ?)?(\[[^\]]{1,60}\] ?)?(- |: )?", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex LogPrefix();
}
