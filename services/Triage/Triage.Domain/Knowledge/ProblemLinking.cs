namespace Triage.Domain.Knowledge;

/// <summary>A problem record as linking sees it: what its cases share and where it stands.</summary>
public sealed record ProblemKeyed(Guid Id, string TenantId, PatternKey Key, ProblemStatus Status);

/// <summary>What becomes of a new escalation: linked to a problem that shares its key, the last of a pattern that raises
/// a new problem, or neither.</summary>
public abstract record ProblemStep
{
    public sealed record Link(Guid ProblemId) : ProblemStep;

    public sealed record Raise(Pattern Pattern) : ProblemStep;

    public sealed record None : ProblemStep;
}

/// <summary>SPEC section 4: key by key, the most specific first (error message, release, product area), a new escalation
/// links itself to a problem of that key still taking cases (not closed), or completes a pattern on that key
/// (<see cref="PatternDetector"/>), which raises a problem linking every case of the pattern. So a repeated error is its
/// own problem even while a broader one (its product area's) is open. A problem never spans tenants.</summary>
public static class ProblemLinking
{
    public const int MaxTitle = 200;

    public static ProblemStep Decide(IEnumerable<ProblemKeyed> problems, IEnumerable<Occurrence> recent, Occurrence incoming, PatternSettings settings)
    {
        var taking = problems.Where(problem => problem.TenantId == incoming.TenantId && ProblemLifecycle.LinksNewCases(problem.Status)).ToList();
        var window = recent.ToList();
        foreach (var key in PatternDetector.KeysOf(incoming, settings.Kinds))
        {
            if (taking.FirstOrDefault(problem => problem.Key == key) is { } problem)
            {
                return new ProblemStep.Link(problem.Id);
            }

            if (PatternDetector.Sharing(window, incoming, settings, key) is { } pattern)
            {
                return new ProblemStep.Raise(pattern);
            }
        }

        return new ProblemStep.None();
    }

    /// <summary>What the cases share, in words, from the key and an example of its error message as a case gave it.</summary>
    public static string Shared(PatternKey key, string? errorMessage) => key.Kind switch
    {
        PatternKind.ErrorSignature => $"the error message \"{Shorten(errorMessage ?? key.Value, 160)}\"",
        PatternKind.Release => $"release {key.Value}",
        _ => $"the product area {key.Value}",
    };

    /// <summary>A problem's title: what the cases share, short.</summary>
    public static string Title(PatternKey key, string? errorMessage) => key.Kind switch
    {
        PatternKind.ErrorSignature => Shorten($"Repeated error: {errorMessage ?? key.Value}", MaxTitle),
        PatternKind.Release => $"Escalations after release {Shorten(key.Value, 150)}",
        _ => $"Escalations in {Shorten(key.Value, 150)}",
    };

    private static string Shorten(string text, int max)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= max ? line : $"{line[..(max - 1)]}…";
    }
}
