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

/// <summary>A known error triage suggests for a case, with its workaround.</summary>
public sealed record KnownErrorSuggestion(string ArticleId, string Title, double Score, IReadOnlyList<string> Reasons, string? Workaround, string Status, string? FixedInVersion);
