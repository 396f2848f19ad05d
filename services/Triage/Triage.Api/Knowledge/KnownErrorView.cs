using Triage.Domain;

namespace Triage.Api.Knowledge;

/// <summary>A known error as the API shows it (GET and the answer to PUT), with its version and who changed it last.</summary>
public sealed record KnownErrorView(
    string Id, int Version, string Title, string Symptoms, IReadOnlyList<string> ErrorMessages, IReadOnlyList<string> Signatures,
    string? ProductArea, IReadOnlyList<string> AffectedVersions, string? Workaround, string Status, string? FixedInVersion, string Owner,
    DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static KnownErrorView Of(KnownErrorRow row) => new(row.Id, row.Version, row.Title, row.Symptoms, row.ErrorMessages, row.Signatures,
        row.ProductArea, row.AffectedVersions, row.Workaround, Wire.Name(row.Status), row.FixedInVersion, row.Owner,
        new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero), row.UpdatedBy);
}

/// <summary>One line of the knowledge base: a search result carries its score and why it matched.</summary>
public sealed record KnownErrorListItem(
    string Id, string Title, string? ProductArea, string Status, bool HasWorkaround, DateTimeOffset UpdatedAt, double? Score = null,
    IReadOnlyList<string>? Reasons = null);

/// <summary>One version of a known error's history.</summary>
public sealed record KnownErrorVersionView(int Version, string Change, string ChangedBy, DateTimeOffset ChangedAt, KnownErrorView? Document);

/// <summary>A known error suggested for a case, as an assessment shows it: with its workaround, so the frontline can
/// try it at once.</summary>
public sealed record SuggestionView(string ArticleId, string Title, double Score, IReadOnlyList<string> Reasons, string? Workaround, string Status, string? FixedInVersion);
