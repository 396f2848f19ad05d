using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Paging;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notification.Api.Data;
using Notification.Api.Deliveries;

namespace Notification.Api.Endpoints;

/// <summary>A delivery as the log shows it. <c>Audience</c> says why the recipient is told (owner, backup, team-lead,
/// leadership, account-team, team-channel, customer... or partner, a webhook subscription), <c>Notice</c> what about (the
/// notice event, "customer-news", or the webhook event type), <c>Digest</c> whether it goes with the recipient's other
/// non-urgent mail as one digest. <c>EscalationId</c> is null for a notice about a problem record.</summary>
public sealed record DeliveryView(
    Guid Id, Guid? EscalationId, string Channel, string Recipient, string EventType, string Subject, string Status, int Attempts,
    string? LastError, DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? DeliveredAt, string Audience, string Notice, bool Digest);

/// <summary>The delivery log: what was sent to whom and how it went; dead deliveries can be replayed.</summary>
public static class DeliveryEndpoints
{
    public static void Map(RouteGroupBuilder notifications)
    {
        notifications.MapGet("/", ListAsync)
            .WithSummary("The delivery log, newest first, filtered by escalation, status and channel; cursor paginated.");
        notifications.MapPost("/{id:guid}/replay", ReplayAsync).WithIdempotency<NotificationDbContext, RouteHandlerBuilder>()
            .WithSummary("Tries a dead delivery again, with a fresh series of attempts.");
    }

    private static async Task<Results<Ok<Page<DeliveryView>>, ValidationProblem>> ListAsync(
        NotificationDbContext db, ITenantContext tenant, CancellationToken cancellationToken,
        Guid? escalationId = null, string? status = null, string? channel = null, string? cursor = null, int limit = Cursor.DefaultLimit)
    {
        var errors = new ValidationErrors();
        if (status is not null && !DeliveryStatus.All.Contains(status))
        {
            errors.Add("status", $"one of {string.Join(", ", DeliveryStatus.All)}");
        }

        if (channel is not null && channel is not (DeliveryChannel.Email or DeliveryChannel.Webhook or DeliveryChannel.Chat))
        {
            errors.Add("channel", $"one of {DeliveryChannel.Email}, {DeliveryChannel.Chat}, {DeliveryChannel.Webhook}");
        }

        var after = Guid.Empty;
        if (cursor is not null && !Cursor.TryDecode(cursor, out after))
        {
            errors.Add("cursor", "not a cursor this API gave out");
        }

        errors.Range("limit", limit, 1, Cursor.MaxLimit);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var query = db.Deliveries.AsNoTracking().Where(delivery => delivery.TenantId == tenant.TenantId);
        if (escalationId is not null)
        {
            query = query.Where(delivery => delivery.EscalationId == escalationId);
        }

        if (status is not null)
        {
            query = query.Where(delivery => delivery.Status == status);
        }

        if (channel is not null)
        {
            query = query.Where(delivery => delivery.Channel == channel);
        }

        if (cursor is not null)
        {
            query = query.Where(delivery => delivery.Id.CompareTo(after) < 0);
        }

        var rows = await query.OrderByDescending(delivery => delivery.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).Select(View).ToList();
        return TypedResults.Ok(new Page<DeliveryView>(page, rows.Count > limit ? Cursor.Encode(page[^1].Id) : null));
    }

    private static async Task<Results<Accepted<DeliveryView>, ProblemHttpResult>> ReplayAsync(
        Guid id, NotificationDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == id, cancellationToken);
        if (delivery is null)
        {
            return Problems.NotFound("delivery", id.ToString());
        }

        if (delivery.Status != DeliveryStatus.Dead)
        {
            return Problems.Conflict("Only a dead delivery can be replayed.", delivery.Status);
        }

        delivery.Replay(clock.GetUtcNow().UtcDateTime); // the commit wakes the delivery worker
        await db.SaveChangesAsync(cancellationToken);
        // a problem's delivery belongs to no escalation: the log of the whole tenant holds it
        var log = delivery.EscalationId is { } escalationId ? $"{NotificationApi.Prefix}?escalationId={escalationId}" : NotificationApi.Prefix;
        return TypedResults.Accepted(log, View(delivery));
    }

    private static DeliveryView View(Delivery delivery) => new(
        delivery.Id, delivery.EscalationId, delivery.Channel, delivery.Recipient, delivery.EventType, delivery.Subject, delivery.Status,
        delivery.Attempts, delivery.LastError, delivery.CreatedAt, delivery.NextAttemptAt, delivery.DeliveredAt, delivery.Audience, delivery.Notice, delivery.Digest);
}
