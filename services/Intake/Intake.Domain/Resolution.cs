using EscalationPlatform.Contracts;

namespace Intake.Domain;

public enum ResolutionKind
{
    Fix,
    Workaround,
}

public static class ResolutionRules
{
    public const int MaxText = 4_000;

    /// <summary>A monitoring source's "resolved" (the alert cleared) resolves what it raised, except where the
    /// severity needs a root cause that only the owner can give (S1, S2): there it is noted, and the owner resolves.</summary>
    public static bool SourceMayResolve(Severity? severity) => severity is not (Severity.S1 or Severity.S2);

    /// <summary>A resolution is a fix or a workaround with a summary; S1 and S2 need their root cause too.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(Severity? severity, ResolutionKind? kind, string? summary, string? rootCause)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is null)
        {
            errors["kind"] = ["required: fix or workaround"];
        }

        if (string.IsNullOrWhiteSpace(summary) || summary.Length > MaxText)
        {
            errors["summary"] = [$"required, at most {MaxText} characters"];
        }

        if (severity is Severity.S1 or Severity.S2 && string.IsNullOrWhiteSpace(rootCause))
        {
            errors["rootCause"] = [$"required for {severity}: say what caused it"];
        }
        else if (rootCause?.Length > MaxText)
        {
            errors["rootCause"] = [$"at most {MaxText} characters"];
        }

        return errors;
    }
}
