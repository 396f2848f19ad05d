namespace EscalationPlatform.Portal.Gateway;

// Problem records as triage keeps them (GET /api/v1/triage/problems and /problems/{id}): escalations that share an error
// message, a release or a product area within a short time, linked to one problem that leads move towards its fix.

/// <summary>A line of the problem list, most recently changed first.</summary>
public sealed record ProblemLine(Guid Id, string Title, string Shared, string Status, int Cases, DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt);

/// <summary>An escalation linked to a problem.</summary>
public sealed record LinkedCase(Guid EscalationId, string Key, string Title, DateTimeOffset SubmittedAt);

/// <summary>A change or deployment of a product area or release made shortly before a case or a problem's first case
/// (triage's correlation).</summary>
public sealed record ChangeBefore(string Kind, string Summary, string? Source, string? Release, DateTimeOffset At, string? Link);

/// <summary>A step of the problem's history: the status it moved to, by whom, and whether the linked cases' customers were told.</summary>
public sealed record ProblemStep(DateTimeOffset At, string Status, string By, string? Note, bool CustomersTold);

/// <summary>One problem with its linked cases, the changes before it, its history and the statuses it may move to next.</summary>
public sealed record ProblemRecord(
    Guid Id, string Title, string Shared, string Kind, string Status, string? FixedIn, string? ProductArea, string? Release, DateTimeOffset FirstSeenAt,
    DateTimeOffset RaisedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> Next, IReadOnlyList<LinkedCase> Cases, IReadOnlyList<ChangeBefore> Changes,
    IReadOnlyList<ProblemStep> History);

/// <summary>The statuses of a problem's lifecycle as the API spells them, in order.</summary>
public static class ProblemStatuses
{
    public const string Fixed = "fixed";
    public const string Closed = "closed";

    public static IReadOnlyList<string> All { get; } = ["open", "investigating", "known-error", Fixed, Closed];

    public static string Words(string status) => status.Replace('-', ' ');
}
