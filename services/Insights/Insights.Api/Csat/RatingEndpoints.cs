using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.ServiceDefaults;
using Insights.Api.Data;
using Insights.Domain;
using Microsoft.EntityFrameworkCore;

namespace Insights.Api.Csat;

/// <summary>What a rating link's client sends when it is not the page's form: the score and an optional comment.</summary>
public sealed record RatingInput(int? Score = null, string? Comment = null);

/// <summary>The customer's rating link (GET /csat/{token}: the form; POST: the rating, from the form or as JSON), served
/// through the gateway without a login: the signed token says whose escalation it is. It works once; afterwards, and
/// when it has expired or was never ours, the answer says so. Only a closed escalation can be rated. A browser (which
/// asks for text/html) gets pages; any other client JSON and problem details.</summary>
public static class RatingEndpoints
{
    public const string Path = "/csat";

    private sealed record Link(string TenantId, Guid EscalationId, string Key, string Title);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var csat = endpoints.MapGroup(Path).ExcludeFromDescription(); // described in the gateway's own document
        csat.MapGet("/{token}", ShowAsync);
        csat.MapPost("/{token}", RateAsync).DisableAntiforgery();
    }

    private static async Task<IResult> ShowAsync(string token, HttpRequest request, InsightsDbContext db, RatingKey key, TimeProvider clock,
        CancellationToken cancellationToken, int? score = null)
    {
        var (link, refusal) = await OpenAsync(token, request, db, key, clock, cancellationToken);
        return refusal ?? (Page(request)
            ? RatingPage.Form(link!.Key, link.Title, score is >= 1 and <= 5 ? score : null)
            : Results.Ok(new { escalation = link!.Key, link.Title, scores = "1 (very unhappy) to 5 (very happy)" }));
    }

    private static async Task<IResult> RateAsync(string token, HttpRequest request, InsightsDbContext db, RatingKey key, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (link, refusal) = await OpenAsync(token, request, db, key, clock, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var input = await ReadAsync(request, cancellationToken);
        if (input is null)
        {
            return Refuse(request, StatusCodes.Status400BadRequest, "The rating could not be read.",
                "Send the form's fields, or JSON with score (1 to 5) and an optional comment.", "score", link);
        }

        var comment = input.Comment?.Replace("\0", "").Trim();
        var problems = CsatRules.Problems(input.Score, comment);
        if (problems.Count > 0)
        {
            var (field, problem) = problems.First();
            return Refuse(request, StatusCodes.Status400BadRequest, "The rating is not valid.", $"{Label(field)}: {problem}.", field, link, input.Score);
        }

        db.Ratings.Add(new CsatRating
        {
            EscalationId = link!.EscalationId,
            TenantId = link.TenantId,
            Score = input.Score!.Value,
            Comment = string.IsNullOrEmpty(comment) ? null : comment,
            RatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Ratings.AsNoTracking().AnyAsync(rating => rating.EscalationId == link.EscalationId, cancellationToken))
            {
                return AlreadyRated(request); // rated a moment ago through the same link
            }

            throw;
        }

        return Page(request)
            ? RatingPage.Message("Thank you", $"Your rating of {input.Score} for {link.Key} is recorded.", StatusCodes.Status201Created)
            : Results.Json(new { escalation = link.Key, score = input.Score }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<RatingInput?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                return new RatingInput(int.TryParse(form["score"].ToString(), out var score) ? score : null, form["comment"].ToString());
            }

            return request.HasJsonContentType() ? await request.ReadFromJsonAsync<RatingInput>(cancellationToken) : null;
        }
        catch (Exception failure) when (failure is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static async Task<(Link? Link, IResult? Refusal)> OpenAsync(
        string token, HttpRequest request, InsightsDbContext db, RatingKey key, TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = RatingLink.Read(token, key.Key, clock.GetUtcNow());
        if (read.Refusal is { } why)
        {
            var expired = why.Contains("expired", StringComparison.Ordinal);
            return (null, Refuse(request, expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound, "This link does not work.", why, "token"));
        }

        var escalation = await db.Cases.AsNoTracking().Where(row => row.EscalationId == read.EscalationId && row.TenantId == read.TenantId)
            .Select(row => new { row.Key, row.Title, row.Status }).FirstOrDefaultAsync(cancellationToken);
        if (escalation is null || escalation.Status != EscalationStatus.Closed)
        {
            return (null, Refuse(request, StatusCodes.Status409Conflict, "This link does not work yet.", "The escalation can be rated once it is closed.", "token"));
        }

        if (await db.Ratings.AsNoTracking().AnyAsync(rating => rating.EscalationId == read.EscalationId, cancellationToken))
        {
            return (null, AlreadyRated(request));
        }

        return (new Link(read.TenantId, read.EscalationId, escalation.Key, escalation.Title), null);
    }

    private static IResult AlreadyRated(HttpRequest request) => Refuse(request, StatusCodes.Status409Conflict, "Already rated.",
        "This escalation has been rated already: the link works once. Thank you for your feedback.", "token");

    /// <summary>A refusal as a page for a browser (the form again when it is about what was entered), else as problem details.</summary>
    private static IResult Refuse(HttpRequest request, int status, string title, string detail, string field, Link? link = null, int? score = null) =>
        !Page(request) ? FieldProblems.Result(status, title, detail, field)
        : link is not null && status == StatusCodes.Status400BadRequest ? RatingPage.Form(link.Key, link.Title, score, detail, status)
        : RatingPage.Message(title, detail, status);

    private static bool Page(HttpRequest request) => request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static string Label(string field) => field == "score" ? "Rating" : "Comment";
}
