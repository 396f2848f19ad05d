namespace Triage.Domain.Knowledge;

public enum KnownErrorStatus
{
    /// <summary>Not fixed yet: the workaround is what helps.</summary>
    Open,

    /// <summary>Fixed in <see cref="KnownError.FixedInVersion"/>: customers on an older version still need the workaround.</summary>
    Fixed,
}

/// <summary>A known error as its author writes it (every field optional, so each missing one can be named).</summary>
public sealed record KnownErrorDraft(
    string? Title = null, string? Symptoms = null, IReadOnlyList<string>? ErrorMessages = null, string? ProductArea = null,
    IReadOnlyList<string>? AffectedVersions = null, string? Workaround = null, string? Status = null, string? FixedInVersion = null,
    string? Owner = null);

/// <summary>A checked known error: what the frontline sees (symptoms, workaround) and what triage matches a case on (the
/// error messages' signatures, title, symptoms and product area).</summary>
public sealed record KnownError(
    string Title, string Symptoms, IReadOnlyList<string> ErrorMessages, IReadOnlyList<string> Signatures, string? ProductArea,
    IReadOnlyList<string> AffectedVersions, string? Workaround, KnownErrorStatus Status, string? FixedInVersion, string Owner)
{
    /// <summary>Whether a case can be sent back with this article: only with a workaround the frontline can apply.</summary>
    public bool CanDeflect => !string.IsNullOrWhiteSpace(Workaround);
}
