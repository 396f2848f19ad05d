using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Domain;

namespace Routing.Api.Handoffs;

/// <summary>A handoff nobody answered in its window: the receiving team's lead is asked next, with a fresh window
/// (<see cref="HandoffRules.NextLevel"/>); after the lead it expires, and the owner keeps the case (leadership is told).
/// A timeout for a handoff already answered, or for a level it has left, changes nothing.</summary>
public sealed class HandoffTimeoutConsumer(RoutingDbContext db, TimeProvider clock) : IConsumer<HandoffDue>
{
    public async Task Consume(ConsumeContext<HandoffDue> context)
    {
        var due = context.Message;
        var row = await db.Handoffs.SingleOrDefaultAsync(row => row.Id == due.HandoffId, context.CancellationToken);
        var offer = row is null ? null : await db.Offers.AsNoTracking().SingleOrDefaultAsync(offer => offer.CorrelationId == row.EscalationId, context.CancellationToken);
        if (row is null || offer is null || row.State != HandoffRow.Open || row.Level != due.Level)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (HandoffRules.NextLevel(row.Level, row.AskedId, row.LeadId) is { } next)
        {
            (row.Level, row.AskedId, row.AskedName, row.AskedEmail) = (next, row.LeadId, row.LeadName, row.LeadEmail);
            row.RespondBy = (now + row.Window).UtcDateTime;
            row.TimeoutTokenId = (await context.SchedulePublish(row.RespondBy, new HandoffDue(row.Id, next), context.CancellationToken)).TokenId;
            await context.Publish(row.Event(HandoffStep.MovedUp, now, offer), context.CancellationToken);
        }
        else
        {
            (row.State, row.AnsweredAt, row.TimeoutTokenId) = ("expired", now.UtcDateTime, null);
            await context.Publish(row.Event(HandoffStep.Expired, now, offer), context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
