namespace Triage.Domain.Knowledge;

public enum ProblemStatus
{
    Open,
    Investigating,
    KnownError,
    Fixed,
    Closed,
}

/// <summary>A problem record's lifecycle (ITIL's: open, investigating, known error, fixed, closed). A fixed problem can
/// return to investigating (the fix did not hold) and a closed one can be reopened the same way; nothing else goes
/// back. A closed problem links no new cases. Only a problem closed after its fix offers to tell the linked cases'
/// customers: before a fix there is nothing to tell them.</summary>
public static class ProblemLifecycle
{
    private static readonly IReadOnlyDictionary<ProblemStatus, ProblemStatus[]> Next = new Dictionary<ProblemStatus, ProblemStatus[]>
    {
        [ProblemStatus.Open] = [ProblemStatus.Investigating, ProblemStatus.KnownError, ProblemStatus.Fixed, ProblemStatus.Closed],
        [ProblemStatus.Investigating] = [ProblemStatus.KnownError, ProblemStatus.Fixed, ProblemStatus.Closed],
        [ProblemStatus.KnownError] = [ProblemStatus.Investigating, ProblemStatus.Fixed, ProblemStatus.Closed],
        [ProblemStatus.Fixed] = [ProblemStatus.Investigating, ProblemStatus.Closed],
        [ProblemStatus.Closed] = [ProblemStatus.Investigating],
    };

    public static IReadOnlyList<ProblemStatus> From(ProblemStatus status) => Next[status];

    /// <summary>Why the move is refused (in words, with what is allowed), or null when it may be made.</summary>
    public static string? Refusal(ProblemStatus from, ProblemStatus to, string? fixedIn, bool notifyCustomers)
    {
        if (!Next[from].Contains(to))
        {
            return $"a {Words(from)} problem can become {string.Join(", ", Next[from].Select(Words))}";
        }

        if (to == ProblemStatus.Fixed && string.IsNullOrWhiteSpace(fixedIn))
        {
            return "say which version or change has the fix";
        }

        return notifyCustomers && !(from == ProblemStatus.Fixed && to == ProblemStatus.Closed)
            ? "customers are told when a fixed problem is closed, not before"
            : null;
    }

    public static bool LinksNewCases(ProblemStatus status) => status != ProblemStatus.Closed;

    public static string Words(ProblemStatus status) => status switch
    {
        ProblemStatus.KnownError => "known error",
        _ => status.ToString().ToLowerInvariant(),
    };
}
