using EscalationPlatform.Contracts;
using Insights.Api.Data;
using Insights.Domain;
using Microsoft.EntityFrameworkCore;

namespace Insights.Api.Csat;

/// <summary>The customer's rating link (GET /csat/{token}: the form; POST: the rating), served through the gateway
/// without a login: the signed token says whose escalation it is. It works once; afterwards, and when it has expired or
/// was never ours, the page says so. Only a closed escalation can be rated.</summary>
public static class RatingEndpoints
{
    public const string Path = "/csat";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var csat = endpoints.MapGroup(Path).ExcludeFromDescription();
        csat.MapGet("/{token}", ShowAsync);
        csat.MapPost("/{token}", RateAsync).DisableAntiforgery();
    }

    private static async Task<IResult> ShowAsync(string token, InsightsDbContext db, RatingKey key, TimeProvider clock, CancellationToken cancellationToken, int? score = null)
    {
        var (link, refusal) = await OpenAsync(token, db, key, clock, cancellationToken);
        return refusal ?? RatingPage.Form(link!.Value.Key, link.Value.Title, score is >= 1 and <= 5 ? score : null);
    }

    private static async Task<IResult> RateAsync(string token, HttpRequest request, InsightsDbContext db, RatingKey key, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (link, refusal) = await OpenAsync(token, db, key, clock, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!request.HasFormContentType)
        {
            return RatingPage.Form(link!.Value.Key, link.Value.Title, problem: "Please choose a rating from 1 to 5 in the form.", status: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        int? score = int.TryParse(form["score"].ToString(), out var parsed) ? parsed : null;
        var comment = form["comment"].ToString().Trim();
        var problems = CsatRules.Problems(score, comment);
        if (problems.Count > 0)
        {
            return RatingPage.Form(link!.Value.Key, link.Value.Title, score, string.Join(" ", problems.Select(problem => $"{Field(problem.Key)}: {problem.Value}.")),
                StatusCodes.Status400BadRequest);
        }

        db.Ratings.Add(new CsatRating
        {
            EscalationId = link!.Value.EscalationId,
            TenantId = link.Value.TenantId,
            Score = score!.Value,
            Comment = comment.Length == 0 ? null : comment.Replace("\0", ""),
            RatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Ratings.AsNoTracking().AnyAsync(rating => rating.EscalationId == link.Value.EscalationId, cancellationToken))
            {
                return AlreadyRated(); // rated a moment ago through the same link
            }

            throw;
        }

        return RatingPage.Message("Thank you", $"Your rating of {score} for {link.Value.Key} is recorded.", StatusCodes.Status201Created);
    }

    private static async Task<((string TenantId, Guid EscalationId, string Key, string Title)? Link, IResult? Refusal)> OpenAsync(
        string token, InsightsDbContext db, RatingKey key, TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = RatingLink.Read(token, key.Key, clock.GetUtcNow());
        if (read.Refusal is { } why)
        {
            return (null, RatingPage.Message("This link does not work", why,
                why.Contains("expired", StringComparison.Ordinal) ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound));
        }

        var escalation = await db.Cases.AsNoTracking().Where(row => row.EscalationId == read.EscalationId && row.TenantId == read.TenantId)
            .Select(row => new { row.Key, row.Title, row.Status }).FirstOrDefaultAsync(cancellationToken);
        if (escalation is null || escalation.Status != EscalationStatus.Closed)
        {
            return (null, RatingPage.Message("This link does not work yet", "The escalation can be rated once it is closed.", StatusCodes.Status409Conflict));
        }

        if (await db.Ratings.AsNoTracking().AnyAsync(rating => rating.EscalationId == read.EscalationId, cancellationToken))
        {
            return (null, AlreadyRated());
        }

        return ((read.TenantId, read.EscalationId, escalation.Key, escalation.Title), null);
    }

    private static IResult AlreadyRated() =>
        RatingPage.Message("Already rated", "This escalation has been rated already: the link works once. Thank you for your feedback.", StatusCodes.Status409Conflict);

    private static string Field(string name) => name == "score" ? "Rating" : "Comment";
}
