using EscalationPlatform.Messaging.Scheduling;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Messaging.TestWorker;

public sealed class WorkConsumer(WorkerDbContext db) : IConsumer<DoWork>
{
    public async Task Consume(ConsumeContext<DoWork> context)
    {
        if (context.Message.FailUntilFixed && !await db.Fixes.AnyAsync(fix => fix.WorkId == context.Message.WorkId))
        {
            throw new InvalidOperationException($"Work {context.Message.WorkId} is broken until fixed.");
        }

        db.Effects.Add(new Effect { WorkId = context.Message.WorkId });
        await context.Publish(new WorkDone(context.Message.WorkId));
    }
}

public sealed class WorkDoneConsumer(DownstreamDbContext db) : IConsumer<WorkDone>
{
    public Task Consume(ConsumeContext<WorkDone> context)
    {
        db.Received.Add(new Effect { WorkId = context.Message.WorkId });
        return Task.CompletedTask;
    }
}

public sealed class TimerFiredConsumer(WorkerDbContext db, TimeProvider clock) : IConsumer<TimerFired>
{
    public Task Consume(ConsumeContext<TimerFired> context)
    {
        db.TimerFirings.Add(new TimerFiring
        {
            TimerId = context.Message.TimerId,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            ScheduledFor = context.ScheduledTime(),
            LateByMilliseconds = (long?)context.FiredLateBy()?.TotalMilliseconds,
        });
        return Task.CompletedTask;
    }
}
