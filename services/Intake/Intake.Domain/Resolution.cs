using EscalationPlatform.Contracts;

namespace Intake.Domain;

public enum ResolutionKind
{
    Fix,
    Workaround,
}

/// <summary>How an escalation was resolved.</summary>
public sealed record ResolutionDetails(ResolutionKind Kind, string Summary, string? RootCause, DateTime ResolvedAt, string ResolvedBy);

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

    /// <summary>Resolves the escalation (by its owner, or at the monitoring source that raised it) and sets the
    /// auto-close timer: it closes by itself unless the customer confirms or reopens within <paramref name="autoCloseAfter"/>.</summary>
    internal static Decision Resolve(Decision decision, ResolutionKind kind, string summary, string? rootCause, Actor actor, string what,
        TimeSpan autoCloseAfter, MoveRule rule = MoveRule.Table)
    {
        var resolvedAt = Milliseconds(decision.At.UtcDateTime);
        var autoCloseAt = resolvedAt + autoCloseAfter;
        return decision
            .With(state => state with
            {
                Resolution = new ResolutionDetails(kind, summary, rootCause, resolvedAt, actor.Name),
                ResolvedAt = resolvedAt,
                AutoCloseAt = autoCloseAt,
            })
            .Set(new ScheduleAutoClose(autoCloseAt, new AutoCloseDue(decision.State.Id, resolvedAt)))
            .Move(EscalationStatus.Resolved, actor, what, $"{Text.Kebab(kind)}: {summary}", rootCause is null ? null : $"root cause: {rootCause}", rule);
    }

    /// <summary>PostgreSQL keeps microseconds; the auto-close timer compares this time after a round trip.</summary>
    private static DateTime Milliseconds(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
