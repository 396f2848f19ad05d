using System.Text.Json;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests.Hostile;

/// <summary>What every answer to a hostile request must be: no 5xx; a refusal as problem details with a title (and
/// for 400 and 422 the fields it is about); nothing of the implementation (type names, exceptions, stack traces);
/// nothing of another tenant's.</summary>
public static partial class AnswerRules
{
    private static readonly string[] Internals = ["System.", "Microsoft.", "EscalationPlatform.", "Npgsql", "Exception", "`1[", "IDX1"];

    /// <summary>Why the answer breaks a rule, or null when it keeps them all.</summary>
    public static string? Breach(HostileRequest request, int status, string? mediaType, string body, string? othersSecret)
    {
        if (status >= 500)
        {
            return "a server error";
        }

        if (request.Expected is { } expected && !expected.Contains(status))
        {
            return $"expected {string.Join(" or ", expected)}";
        }

        if (status >= 400 && !request.AnsweredByServer && ProblemBreach(status, mediaType, body) is { } problem)
        {
            return problem;
        }

        if (request.Mentions is { } mentions && !body.Contains(mentions, StringComparison.Ordinal))
        {
            return $"does not mention {mentions}";
        }

        return Leak(body) is { } leak ? $"shows {leak}" : othersSecret is not null ? $"shows another tenant's {othersSecret}" : null;
    }

    /// <summary>The first sign of the implementation in a text: a .NET type or namespace, an exception, a stack frame.</summary>
    public static string? Leak(string text) =>
        Internals.FirstOrDefault(marker => text.Contains(marker, StringComparison.Ordinal)) is { } marker ? $"'{marker}'"
        : StackFrame().IsMatch(text) ? "a stack trace" : null;

    private static string? ProblemBreach(int status, string? mediaType, string body)
    {
        if (mediaType != "application/problem+json")
        {
            return $"not problem details ({mediaType ?? "no content type"})";
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return "problem details that are not JSON";
        }

        if (problem.ValueKind != JsonValueKind.Object || !problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
        {
            return "problem details without a title";
        }

        // PagerDuty's Events API (/v2/enqueue) lists its errors as an array of sentences, and so does the platform's copy of it.
        var namesAField = problem.TryGetProperty("errors", out var errors)
            && (errors.ValueKind == JsonValueKind.Object ? errors.EnumerateObject().Any() : errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0);
        return status is 400 or 422 && !namesAField ? "a 400 without errors naming a field" : null;
    }

    [GeneratedRegex(@"(^|\n)\s*at [\w.`<>+\[\]]+\.[\w<>`]+\(")]
    private static partial Regex StackFrame();
}
