using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notification.Api.Data;
using Notification.Api.Feed;

namespace Notification.Api.Endpoints;

public sealed record FeedEntry(Guid Id, Guid EscalationId, string CaseKey, string Event, bool Urgent, string Text, DateTime At, DateTime? ReadAt);

public sealed record FeedPage(int Unread, IReadOnlyList<FeedEntry> Items);

/// <summary>The caller's in-app feed (SPEC §7): what changed on their cases, newest first, with how many are unread.</summary>
public static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder feed)
    {
        feed.MapGet("/", ListAsync).WithSummary("The caller's feed, newest first (unreadOnly to hide what was read; at most 100), with the unread count.");
        feed.MapPost("/{id:guid}/read", ReadAsync).WithSummary("Marks one entry of the caller's feed read.");
        feed.MapPost("/read", ReadAllAsync).WithSummary("Marks the caller's whole feed read.");
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

    private static async Task<NoContent> ReadAllAsync(NotificationDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Feed.Where(item => item.TenantId == tenant.TenantId && item.PersonId == tenant.Actor.Id && item.ReadAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(item => item.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
