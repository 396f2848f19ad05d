namespace Triage.Domain.Knowledge;

/// <summary>A text field of a known error or a change as its author wrote it: trimmed, empty is absent, bounded, and
/// without control characters (line breaks and tabs allowed where the field is multi-line). Each problem goes into
/// <c>problems</c> under the field's name, in words.</summary>
internal static class TextField
{
    public static string? Read(string? value, string field, int max, bool required, bool multiline, Dictionary<string, string> problems)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                problems[field] = "required";
            }

            return null;
        }

        if (text.Length > max)
        {
            problems[field] = $"at most {max} characters";
            return null;
        }

        if (text.Any(character => char.IsControl(character) && !(multiline && character is '\n' or '\r' or '\t')))
        {
            problems[field] = multiline ? "no control characters (line breaks and tabs are fine)" : "one line, without control characters";
            return null;
        }

        return text;
    }
}
