using System.Text;
using Dapper;
using EscalationPlatform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Triage.Api.Data;
using Triage.Domain.Knowledge;

namespace Triage.Api.Knowledge;

/// <summary>What a case or a person searches the knowledge base with: an error message (matched by its signature's
/// trigrams), words (matched by full text: signature, then title, then symptoms) and a product area.</summary>
public sealed record KnowledgeQuery(string? ErrorMessage, string? Words, string? ProductArea)
{
    public const int MaxLength = 2_000;
}

/// <summary>A found known error with what the frontline needs from it.</summary>
public sealed record FoundKnownError(Suggestion Suggestion, string? Workaround, KnownErrorStatus Status, string? FixedInVersion)
{
    public SuggestionView View() => new(Suggestion.ArticleId, Suggestion.Title, Suggestion.Score, Suggestion.Reasons, Workaround,
        Domain.Wire.Name(Status), FixedInVersion);
}

/// <summary>Searches a tenant's known errors in PostgreSQL: the articles of the 50 signatures nearest the case's (pg_trgm
/// distance on the tenant's GiST index), kept from a similarity of <see cref="KnownErrorMatch.SignatureFloor"/>, and the 50
/// most relevant by full text (the weighted tsvector's GIN index), scored and ranked by <see cref="KnownErrorMatch"/>. The case's words
/// become a query of letters and digits only, so no text (regular expressions, tsquery operators) reaches its syntax:
/// any two neighbouring words (one word alone), which keeps a common word from making every article a candidate.</summary>
public sealed class KnowledgeSearch(TriageDbContext db)
{
    private const int Candidates = 50;
    private const int MaxWords = 12;
    private const int MinWordLength = 3;

    /// <summary>The best matches. <c>sideBySide</c> runs the two candidate searches at once on connections of their own
    /// (a person or intake waits for the answer); false runs them one after the other on the unit of work's own
    /// connection, as a consumer does, so a burst of decisions never holds three connections each.</summary>
    public async Task<IReadOnlyList<FoundKnownError>> FindAsync(string tenantId, KnowledgeQuery query, int max, CancellationToken cancellationToken,
        bool sideBySide = true)
    {
        var signature = ErrorSignature.Of(Bounded(query.ErrorMessage));
        var words = Words($"{Bounded(query.ErrorMessage)} {Bounded(query.Words)}");
        if (signature is null && words is null)
        {
            return [];
        }

        // Side by side, each on a connection of its own, a request takes the longer of the two searches, not their sum
        // (docs/performance.md).
        var bySignature = signature is null ? Task.FromResult<IReadOnlyList<Candidate>>([]) : CandidatesAsync(sideBySide, $"""
            SELECT {Details}, n.similarity AS score FROM (
                SELECT s.article_id, max(s.similarity)::float8 AS similarity FROM (
                    SELECT article_id, 1 - (signature <-> @signature) AS similarity FROM known_error_signature
                    WHERE tenant_id = @tenant ORDER BY signature <-> @signature LIMIT {Candidates}) s
                GROUP BY s.article_id) n
            JOIN known_error a ON a.tenant_id = @tenant AND a.id = n.article_id
            WHERE n.similarity >= {KnownErrorMatch.SignatureFloor.ToString(System.Globalization.CultureInfo.InvariantCulture)}
            """, new { tenant = tenantId, signature }, cancellationToken);
        if (!sideBySide)
        {
            await bySignature;
        }

        var byWords = words is null ? Task.FromResult<IReadOnlyList<Candidate>>([]) : CandidatesAsync(sideBySide, $"""
            SELECT {Details}, ts_rank_cd(a.search, q, 32)::float8 AS score
            FROM known_error a, to_tsquery('english', @words) q
            WHERE a.tenant_id = @tenant AND a.search @@ q ORDER BY score DESC LIMIT {Candidates}
            """, new { tenant = tenantId, words }, cancellationToken);
        var (similar, relevant) = (await bySignature, await byWords);

        var candidates = similar.Concat(relevant).DistinctBy(row => row.Id).ToDictionary(row => row.Id, StringComparer.Ordinal);
        var similarity = similar.ToDictionary(row => row.Id, row => row.Score, StringComparer.Ordinal);
        var relevance = relevant.ToDictionary(row => row.Id, row => row.Score, StringComparer.Ordinal);
        var area = query.ProductArea?.Trim();
        return [.. KnownErrorMatch.Rank(candidates.Values.Select(row => (row.Id, row.Title, row.ProductArea,
                new MatchEvidence(similarity.GetValueOrDefault(row.Id), relevance.GetValueOrDefault(row.Id),
                    area is { Length: > 0 } && string.Equals(area, row.ProductArea, StringComparison.OrdinalIgnoreCase)))), max)
            .Select(suggestion =>
            {
                var row = candidates[suggestion.ArticleId];
                return new FoundKnownError(suggestion, row.Workaround, row.Status == "fixed" ? KnownErrorStatus.Fixed : KnownErrorStatus.Open, row.FixedInVersion);
            })];
    }

    private const string Details = "a.id, a.title, a.product_area AS productarea, a.workaround, a.status, a.fixed_in_version AS fixedinversion";

    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(bool ownConnection, string sql, object parameters, CancellationToken cancellationToken)
    {
        if (ownConnection)
        {
            await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            return [.. await connection.QueryAsync<Candidate>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))];
        }

        await db.Database.OpenConnectionAsync(cancellationToken); // already open inside a consumer's transaction
        return [.. await db.Database.GetDbConnection().QueryAsync<Candidate>(new CommandDefinition(sql, parameters,
            db.Database.CurrentTransaction?.GetDbTransaction(), cancellationToken: cancellationToken))];
    }

    private static string? Bounded(string? text) => text is { Length: > KnowledgeQuery.MaxLength } ? text[..KnowledgeQuery.MaxLength] : text;

    /// <summary>"word1 &amp; word2 | word2 &amp; word3 | ...": the neighbouring pairs of the distinct words of three or more
    /// letters or digits (not numbers alone), or the one word.</summary>
    public static string? Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var character in text.Append(' '))
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(char.ToLowerInvariant(character));
                continue;
            }

            if (word.Length >= MinWordLength && word.ToString().Any(char.IsLetter) && !words.Contains(word.ToString(), StringComparer.Ordinal))
            {
                words.Add(word.ToString());
            }

            word.Clear();
            if (words.Count == MaxWords)
            {
                break;
            }
        }

        return words.Count switch
        {
            0 => null,
            1 => words[0],
            _ => string.Join(" | ", words.Zip(words.Skip(1), (first, second) => $"{first} & {second}")),
        };
    }

    internal sealed record Candidate(string Id, string Title, string? ProductArea, string? Workaround, string Status, string? FixedInVersion, double Score);
}
