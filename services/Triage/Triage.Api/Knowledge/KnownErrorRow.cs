using Triage.Domain.Knowledge;

namespace Triage.Api.Knowledge;

/// <summary>A known error of a tenant as it stands (<see cref="KnownError"/>), with its version (the ETag). The table
/// also has a generated, weighted tsvector column ("search": signature text A, title B, symptoms C) that the model does
/// not map: only the search reads it.</summary>
public sealed class KnownErrorRow
{
    public required string TenantId { get; init; }

    public required string Id { get; init; }

    public int Version { get; set; }

    public required string Title { get; set; }

    public required string Symptoms { get; set; }

    public required List<string> ErrorMessages { get; set; }

    public required List<string> Signatures { get; set; }

    /// <summary>The signatures one per line: what the tsvector column is generated from.</summary>
    public required string SignatureText { get; set; }

    public string? ProductArea { get; set; }

    public required List<string> AffectedVersions { get; set; }

    public string? Workaround { get; set; }

    public KnownErrorStatus Status { get; set; }

    public string? FixedInVersion { get; set; }

    public required string Owner { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public void Apply(KnownError article)
    {
        (Title, Symptoms, ErrorMessages, Signatures, SignatureText) =
            (article.Title, article.Symptoms, [.. article.ErrorMessages], [.. article.Signatures], string.Join('\n', article.Signatures));
        (ProductArea, AffectedVersions, Workaround, Status, FixedInVersion, Owner) =
            (article.ProductArea, [.. article.AffectedVersions], article.Workaround, article.Status, article.FixedInVersion, article.Owner);
    }

    public KnownError Article() => new(Title, Symptoms, ErrorMessages, Signatures, ProductArea, AffectedVersions, Workaround, Status, FixedInVersion, Owner);
}

/// <summary>One error signature of a known error, apart so that a trigram index finds the articles whose messages are
/// like a case's (the closest of an article's signatures counts).</summary>
public sealed class KnownErrorSignatureRow
{
    public required string TenantId { get; init; }

    public required string ArticleId { get; init; }

    public required string Signature { get; init; }
}

/// <summary>A known error as one change left it: its history, newest version first when read.</summary>
public sealed class KnownErrorVersionRow
{
    public required string TenantId { get; init; }

    public required string ArticleId { get; init; }

    public required int Version { get; init; }

    /// <summary>"created", "edited" or "deleted".</summary>
    public required string Change { get; init; }

    /// <summary>The article as it was saved (null for a deletion), a JSON column.</summary>
    public KnownErrorView? Document { get; init; }

    public required string ChangedBy { get; init; }

    public required DateTime ChangedAt { get; init; }
}
