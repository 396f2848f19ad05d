using EscalationPlatform.Messaging.Outbox;
using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Messaging.IntegrationTests;

internal static class Timers
{
    public static readonly Uri Destination = new("queue:timer-fired");

    /// <summary>Schedules timers the way an API endpoint would: through the scope's IMessageScheduler, committed by SaveChanges.</summary>
    public static async Task<IReadOnlyList<(Guid TimerId, Guid TokenId)>> ScheduleAsync(IHost host, IEnumerable<DateTime> dueTimes)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
        var scheduled = new List<(Guid, Guid)>();
        foreach (var due in dueTimes)
        {
            var timerId = NewId.NextGuid();
            var handle = await scheduler.ScheduleSend(Destination, due, new TimerFired(timerId));
            scheduled.Add((timerId, handle.TokenId));
        }

        await scope.ServiceProvider.GetRequiredService<WorkerDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        return scheduled;
    }
}

public sealed class When_1000_timers_fall_due_within_a_few_seconds(MessagingServers servers)
{
    private const int Count = 1_000;

    [Fact]
    public async Task Should_fire_each_once_even_with_two_instances_delivering()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        using var duplicates = new InboxDuplicateCounter();
        var first = await bed.StartHostAsync(TestHosts.Worker);
        await bed.StartHostAsync(TestHosts.Worker); // a second instance: its delivery service competes for the same rows
        var start = DateTime.UtcNow.AddSeconds(2);

        var timers = await Timers.ScheduleAsync(first, Enumerable.Range(0, Count).Select(i => start.AddMilliseconds(i * 3)));

        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.TimerFirings.CountAsync()),
            fired => fired >= Count, TimeSpan.FromMinutes(1), "all timers fired");
        // Scheduled once all have fired, the sentinel comes after their rows in due-time order, and a dispatcher sends a
        // whole batch before it claims the next: a second send of any of them reaches the queue before the sentinel.
        var (sentinel, _) = (await Timers.ScheduleAsync(first, [DateTime.UtcNow]))[0];
        await bed.UntilFiredAsync(sentinel, "the sentinel timer fired");
        var firings = await bed.QueryWorker(db => db.TimerFirings.AsNoTracking().Where(firing => firing.TimerId != sentinel).ToListAsync());

        Assert.Equal(timers.Select(timer => timer.TimerId).Order(), firings.Select(firing => firing.TimerId).Order());
        Assert.Equal(0, duplicates.Count);
        Assert.All(firings, firing => Assert.True(firing.ReceivedAt >= firing.ScheduledFor, "a timer fired before it was due"));
        var lateness = firings.Select(firing => (firing.ReceivedAt - firing.ScheduledFor!.Value).TotalMilliseconds).Order().ToArray();
        TestContext.Current.SendDiagnosticMessage(
            $"lateness ms: p50 {lateness[Count / 2]:0}, p99 {lateness[Count * 99 / 100]:0}, max {lateness[^1]:0}");
    }
}

public sealed class When_timers_fall_due_while_the_worker_is_down(MessagingServers servers)
{
    [Fact]
    public async Task Should_fire_them_after_restart_marked_late()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var worker = await bed.StartProcessAsync(TestHosts.Worker);
        await worker.KillAsync();
        // While the worker is down, timers come due: scheduled (into its database, from a host that delivers nothing itself)
        // for a time already past, so that no test waits for the clock to pass their due time.
        var scheduler = await bed.StartHostAsync(TestHosts.Worker, ("Messaging:DeliveryEnabled", "false"));
        var overdue = TimeSpan.FromSeconds(10);
        var due = DateTime.UtcNow - overdue;
        var timers = await Timers.ScheduleAsync(scheduler, Enumerable.Range(0, 20).Select(i => due.AddMilliseconds(i)));
        await scheduler.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(timers.Count, await bed.QueryWorker(db => db.Set<OutboxMessage>().CountAsync())); // all waiting, none sent

        await bed.StartProcessAsync(TestHosts.Worker);

        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.TimerFirings.CountAsync()),
            fired => fired >= timers.Count, TimeSpan.FromMinutes(1), "the overdue timers fired");
        var firings = await bed.QueryWorker(db => db.TimerFirings.AsNoTracking().ToListAsync());

        Assert.Equal(timers.Select(timer => timer.TimerId).Order(), firings.Select(firing => firing.TimerId).Order());
        Assert.All(firings, firing => Assert.True(firing.LateByMilliseconds >= overdue.TotalMilliseconds - 20,
            $"not marked late enough: {firing.LateByMilliseconds} ms"));
    }
}

public sealed class When_a_timer_is_cancelled(MessagingServers servers)
{
    [Fact]
    public async Task Should_never_fire_it()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var worker = await bed.StartHostAsync(TestHosts.Worker);
        var due = DateTime.UtcNow.AddSeconds(2);
        var timers = await Timers.ScheduleAsync(worker, Enumerable.Range(0, 10).Select(i => due.AddMilliseconds(i)));
        var cancelled = timers.Where((_, index) => index % 2 == 0).ToArray();

        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
            foreach (var (_, tokenId) in cancelled)
            {
                await scheduler.CancelScheduledSend(Timers.Destination, tokenId, TestContext.Current.CancellationToken);
            }
        }

        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.TimerFirings.CountAsync()),
            fired => fired >= timers.Count - cancelled.Length, TimeSpan.FromSeconds(30), "the others fired");
        // Scheduled once the others fired, the sentinel is claimed after the batch that held the last of them (due after every
        // cancelled one, so that batch would have held a cancelled timer still in the outbox): a batch is sent before the next is claimed.
        var (sentinel, _) = (await Timers.ScheduleAsync(worker, [DateTime.UtcNow]))[0];
        await bed.UntilFiredAsync(sentinel, "the sentinel timer fired");
        var fired = await bed.QueryWorker(db => db.TimerFirings.Select(firing => firing.TimerId).ToListAsync());

        Assert.Equal(timers.Except(cancelled).Select(timer => timer.TimerId).Append(sentinel).Order(), fired.Order());
    }
}
