namespace EscalationPlatform.Portal.Gateway;

/// <summary>A known error as GET /api/v1/triage/knowledge/articles/{id} shows it.</summary>
public sealed record KnownErrorArticle(
    string Id, int Version, string Title, string Symptoms, IReadOnlyList<string> ErrorMessages, IReadOnlyList<string> Signatures,
    string? ProductArea, IReadOnlyList<string> AffectedVersions, string? Workaround, string Status, string? FixedInVersion, string Owner,
    DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A line of the knowledge base; a search result has its score and why it matched.</summary>
public sealed record KnownErrorItem(
    string Id, string Title, string? ProductArea, string Status, bool HasWorkaround, DateTimeOffset UpdatedAt, double? Score = null,
    IReadOnlyList<string>? Reasons = null);

/// <summary>One version of a known error's history (the document is null for its deletion).</summary>
public sealed record KnownErrorVersion(int Version, string Change, string ChangedBy, DateTimeOffset ChangedAt, KnownErrorArticle? Document);

/// <summary>A known error that matches a case (strongest first), how well (0 to 1) and why: on the case record, and in the
/// triage preview with its workaround.</summary>
public sealed record KnownErrorMatch(string ArticleId, string Title, double Score, IReadOnlyList<string> Reasons, string? Workaround = null);

/// <summary>The known error whose workaround sent a case back to the frontline instead of to an expert team, and why;
/// the record keeps it after a contest, as what was tried.</summary>
public sealed record DeflectionInfo(string ArticleId, string Title, double Score, string Workaround, string Why);
