using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sla.Api.Data;

namespace Sla.Api.Clocks;

/// <summary>After a tenant's SLA policy is published, asks each of its running clocks to re-plan (one message each, in
/// this one transaction): each escalation's saga moves its timer, announces what the new times make due (once) and
/// tells its record what moved and why.</summary>
public sealed class ReplanOpenClocksConsumer(SlaDbContext db) : IConsumer<SlaPolicyPublished>
{
    public async Task Consume(ConsumeContext<SlaPolicyPublished> context)
    {
        var published = context.Message;
        var running = await db.Clocks.AsNoTracking()
            .Where(state => state.TenantId == published.TenantId && state.CurrentState == ClocksStateMachine.TrackingState)
            .Select(state => state.CorrelationId)
            .ToListAsync(context.CancellationToken);
        foreach (var escalationId in running)
        {
            await context.Publish(new ReplanClocks(escalationId, published.TenantId, published.Version, published.PreviousVersion, published.PublishedBy, published.Reason),
                context.CancellationToken);
        }
    }
}
