using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notification.Api.Data;
using Notification.Api.Feed;

namespace Notification.Api.Endpoints;

public sealed record FeedEntry(Guid Id, Guid EscalationId, string CaseKey, string Event, bool Urgent, string Text, DateTime At, DateTime? ReadAt);

public sealed record FeedPage(int Unread, IReadOnlyList<FeedEntry> Items);

/// <param name="UpTo">The newest entry the person saw: it and every older one are marked read (what arrived since stays unread).</param>
public sealed record ReadUpTo(Guid? UpTo);

/// <summary>The caller's in-app feed (SPEC §7): what changed on their cases, newest first, with how many are unread.</summary>
public static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder feed)
    {
        feed.MapGet("/", ListAsync).WithSummary("The caller's feed, newest first (unreadOnly to hide what was read; at most 100), with the unread count.");
        feed.MapPost("/{id:guid}/read", ReadAsync).WithSummary("Marks one entry of the caller's feed read.");
        feed.MapPost("/read", ReadAllAsync).WithSummary("Marks the caller's feed read up to the newest entry they saw (upTo), so what arrived since stays unread.");
    }

    private static async Task<Ok<FeedPage>> ListAsync(NotificationDbContext db, ITenantContext tenant, CancellationToken cancellationToken, bool unreadOnly = false,
        int limit = 50)
    {
        var mine = db.Feed.AsNoTracking().Where(item => item.TenantId == tenant.TenantId && item.PersonId == tenant.Actor.Id);
        var unread = await mine.CountAsync(item => item.ReadAt == null, cancellationToken);
        var items = await (unreadOnly ? mine.Where(item => item.ReadAt == null) : mine).OrderByDescending(item => item.Id)
            .Take(Math.Clamp(limit, 1, FeedItem.MaxPerPage))
            .Select(item => new FeedEntry(item.Id, item.EscalationId, item.CaseKey, item.Notice, item.Urgent, item.Text, item.At, item.ReadAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new FeedPage(unread, items));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(Guid id, NotificationDbContext db, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.Feed.Where(item => item.TenantId == tenant.TenantId && item.PersonId == tenant.Actor.Id && item.Id == id)
            .ExecuteUpdateAsync(setters => setters.SetProperty(item => item.ReadAt, item => item.ReadAt ?? now), cancellationToken);
        return found == 0 ? Problems.NotFound("feed entry", id.ToString()) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReadAllAsync(ReadUpTo request, NotificationDbContext db, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.UpTo is not { } upTo)
        {
            return new ValidationErrors().Add("upTo", "the id of the newest feed entry seen").ToProblem();
        }

        var mine = db.Feed.Where(item => item.TenantId == tenant.TenantId && item.PersonId == tenant.Actor.Id);
        var seen = await mine.Where(item => item.Id == upTo).Select(item => (DateTime?)item.At).FirstOrDefaultAsync(cancellationToken);
        if (seen is null)
        {
            return Problems.NotFound("feed entry", upTo.ToString());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await mine.Where(item => item.ReadAt == null && item.At <= seen)
            .ExecuteUpdateAsync(setters => setters.SetProperty(item => item.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
