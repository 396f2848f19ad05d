using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Paging;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Data;
using Triage.Domain.Knowledge;

namespace Triage.Api.Knowledge;

/// <summary>The knowledge base of known errors (SPEC section 4): an article per id, read with its ETag (its version) and
/// replaced whole with If-Match, each save kept as a version of its history; a search over the tenant's articles that
/// scores and explains each match as triage does for a case.</summary>
public static class KnowledgeEndpoints
{
    public const string Articles = "/knowledge/articles";
    private const string ArticlePath = Articles + "/{articleId:regex(^[a-z0-9][a-z0-9-]{{0,62}}$)}";
    public const int MaxArticles = 20_000;
    public const int MaxResults = 50;
    private const int MaxVersions = 100;

    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet(Articles, ListAsync)
            .WithSummary($"The tenant's known errors by id (after: the last id of the previous page), or with q the best matches for an error message or words, scored and explained (limit 1 to {MaxResults}).");
        triage.MapGet(ArticlePath, GetAsync).WithSummary("A known error, with its ETag.");
        triage.MapPut(ArticlePath, PutAsync)
            .WithSummary("Creates the known error, or replaces it (If-Match with the ETag read is required to replace); leads, managers and admins.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        triage.MapDelete(ArticlePath, DeleteAsync)
            .WithSummary("Removes the known error from the knowledge base (If-Match required); its history stays.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        triage.MapGet($"{ArticlePath}/versions", VersionsAsync).WithSummary($"The known error's versions, newest first (at most {MaxVersions}), each as it was saved.");
    }

    private static async Task<Results<Ok<Page<KnownErrorListItem>>, ValidationProblem>> ListAsync(
        TriageDbContext db, KnowledgeSearch search, ITenantContext tenant, CancellationToken cancellationToken,
        string? q = null, string? productArea = null, string? after = null, int? limit = null)
    {
        var errors = new ValidationErrors();
        if (limit is < 1 or > MaxResults)
        {
            errors.Add("limit", $"1 to {MaxResults}");
        }

        foreach (var (field, value, max) in new[] { ("q", q, KnowledgeQuery.MaxLength), ("productArea", productArea, KnownErrors.MaxShort), ("after", after, 63) })
        {
            if (value is not null && (value.Length > max || value.Any(char.IsControl)))
            {
                errors.Add(field, $"at most {max} characters, without control characters");
            }
        }

        if (q is not null && after is not null)
        {
            errors.Add("after", "a search answers in one page: leave after out");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem("The search is not valid.");
        }

        var take = limit ?? Cursor.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var found = await search.FindAsync(tenant.TenantId, new KnowledgeQuery(q, q, productArea), take, cancellationToken);
            var ids = found.Select(match => match.Suggestion.ArticleId).ToList();
            var rows = await db.KnownErrors.AsNoTracking().Where(row => row.TenantId == tenant.TenantId && ids.Contains(row.Id)).ToDictionaryAsync(row => row.Id, cancellationToken);
            return TypedResults.Ok(new Page<KnownErrorListItem>([.. found.Where(match => rows.ContainsKey(match.Suggestion.ArticleId))
                .Select(match => Item(rows[match.Suggestion.ArticleId]) with { Score = match.Suggestion.Score, Reasons = match.Suggestion.Reasons })], null));
        }

        var query = db.KnownErrors.AsNoTracking().Where(row => row.TenantId == tenant.TenantId);
        if (!string.IsNullOrWhiteSpace(productArea))
        {
            query = query.Where(row => row.ProductArea == productArea);
        }

        if (after is not null)
        {
            query = query.Where(row => string.Compare(row.Id, after) > 0);
        }

        var page = await query.OrderBy(row => row.Id).Take(take + 1).ToListAsync(cancellationToken);
        var items = page.Take(take).Select(Item).ToList();
        return TypedResults.Ok(new Page<KnownErrorListItem>(items, page.Count > take ? items[^1].Id : null));
    }

    private static KnownErrorListItem Item(KnownErrorRow row) => new(row.Id, row.Title, row.ProductArea, Domain.Wire.Name(row.Status),
        !string.IsNullOrWhiteSpace(row.Workaround), new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero));

    private static async Task<Results<Ok<KnownErrorView>, ProblemHttpResult>> GetAsync(
        string articleId, TriageDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await db.KnownErrors.AsNoTracking().SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == articleId, cancellationToken) is not { } row)
        {
            return Problems.NotFound("known error", articleId);
        }

        http.Response.Headers.ETag = ETag(row.Version);
        return TypedResults.Ok(KnownErrorView.Of(row));
    }

    private static async Task<Results<Ok<KnownErrorView>, Created<KnownErrorView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string articleId, KnownErrorDraft draft, TriageDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (article, problems) = KnownErrors.Check(draft);
        if (article is null)
        {
            return ValidationErrors.Of(problems.Select(problem => (problem.Key, problem.Value))).ToProblem("The known error is not valid.");
        }

        var row = await db.KnownErrors.SingleOrDefaultAsync(existing => existing.TenantId == tenant.TenantId && existing.Id == articleId, cancellationToken);
        if (Problems.UnlessCurrentOrNew(http.Request.Headers.IfMatch.ToString(), row is null ? null : ETag(row.Version), "known error") is { } refused)
        {
            return refused;
        }

        if (row is null && await db.KnownErrors.CountAsync(existing => existing.TenantId == tenant.TenantId, cancellationToken) >= MaxArticles)
        {
            return FieldProblems.Result(StatusCodes.Status409Conflict, "Too many known errors.", $"A tenant keeps at most {MaxArticles} known errors: remove one first.", "articleId");
        }

        var created = row is null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new KnownErrorRow
            {
                TenantId = tenant.TenantId, Id = articleId, Title = "", Symptoms = "", ErrorMessages = [], Signatures = [], SignatureText = "",
                AffectedVersions = [], Owner = "", UpdatedBy = "",
                Version = await LastVersionAsync(db, tenant.TenantId, articleId, cancellationToken), // an id used before continues its history
            };
            db.KnownErrors.Add(row);
        }

        var signatures = await SignaturesAsync(db, tenant.TenantId, articleId, cancellationToken);
        db.KnownErrorSignatures.RemoveRange(signatures.Where(old => !article.Signatures.Contains(old.Signature, StringComparer.Ordinal)));
        db.KnownErrorSignatures.AddRange(article.Signatures.Where(signature => !signatures.Any(old => old.Signature == signature))
            .Select(signature => new KnownErrorSignatureRow { TenantId = tenant.TenantId, ArticleId = articleId, Signature = signature }));
        row.Apply(article);
        (row.Version, row.UpdatedAt, row.UpdatedBy) = (row.Version + 1, now, tenant.Actor.Name);
        var view = KnownErrorView.Of(row);
        db.KnownErrorVersions.Add(new KnownErrorVersionRow
        {
            TenantId = tenant.TenantId, ArticleId = articleId, Version = row.Version, Change = created ? "created" : "edited", Document = view,
            ChangedBy = tenant.Actor.Name, ChangedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) // another save of the same article won (its version or its creation)
        {
            return Problems.PreconditionFailed(null);
        }

        http.Response.Headers.ETag = ETag(row.Version);
        return created ? TypedResults.Created($"{Endpoints.TriageApi.Prefix}{Articles}/{articleId}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string articleId, TriageDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.KnownErrors.SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == articleId, cancellationToken) is not { } row)
        {
            return Problems.NotFound("known error", articleId);
        }

        if (Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), ETag(row.Version), "known error") is { } refused)
        {
            return refused;
        }

        db.KnownErrors.Remove(row);
        db.KnownErrorSignatures.RemoveRange(await SignaturesAsync(db, tenant.TenantId, articleId, cancellationToken));
        db.KnownErrorVersions.Add(new KnownErrorVersionRow
        {
            TenantId = tenant.TenantId, ArticleId = articleId, Version = row.Version + 1, Change = "deleted", ChangedBy = tenant.Actor.Name,
            ChangedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.PreconditionFailed(null);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<KnownErrorVersionView>>, ProblemHttpResult>> VersionsAsync(
        string articleId, TriageDbContext db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var versions = await db.KnownErrorVersions.AsNoTracking().Where(row => row.TenantId == tenant.TenantId && row.ArticleId == articleId)
            .OrderByDescending(row => row.Version).Take(MaxVersions).ToListAsync(cancellationToken);
        return versions.Count == 0
            ? Problems.NotFound("known error", articleId)
            : TypedResults.Ok(versions.Select(row => new KnownErrorVersionView(row.Version, row.Change, row.ChangedBy, new DateTimeOffset(row.ChangedAt, TimeSpan.Zero), row.Document)).ToList());
    }

    private static Task<List<KnownErrorSignatureRow>> SignaturesAsync(TriageDbContext db, string tenantId, string articleId, CancellationToken cancellationToken) =>
        db.KnownErrorSignatures.Where(signature => signature.TenantId == tenantId && signature.ArticleId == articleId).ToListAsync(cancellationToken);

    private static async Task<int> LastVersionAsync(TriageDbContext db, string tenantId, string articleId, CancellationToken cancellationToken) =>
        await db.KnownErrorVersions.Where(version => version.TenantId == tenantId && version.ArticleId == articleId).MaxAsync(version => (int?)version.Version, cancellationToken) ?? 0;

    private static string ETag(int version) => $"\"{version}\"";
}
