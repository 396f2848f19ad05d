using EscalationPlatform.Messaging.Outbox;
using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.IntegrationTests;

public sealed class When_a_worker_is_killed_mid_stream(MessagingServers servers)
{
    private const int Messages = 2_000;

    [Fact]
    public async Task Should_have_one_effect_per_message_and_deliver_each_published_message_once()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var downstream = await bed.StartHostAsync(TestHosts.Downstream);
        var worker = await bed.StartProcessAsync(TestHosts.Worker);
        var work = Enumerable.Range(0, Messages).Select(_ => NewId.NextGuid()).ToArray();
        var bus = downstream.Services.GetRequiredService<IBus>();

        await Task.WhenAll(work.Select(id => bus.Publish(new DoWork(id), context => context.MessageId = id, TestContext.Current.CancellationToken)));
        var before = await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Effects.CountAsync()),
            effects => effects >= Messages / 4, TimeSpan.FromMinutes(2), "a quarter of the work done");
        await worker.KillAsync();
        await bed.StartProcessAsync(TestHosts.Worker);

        await Eventually.ReachesAsync(() => bed.QueryDownstream(db => db.Received.CountAsync()),
            received => received >= Messages, TimeSpan.FromMinutes(3), "everything received downstream");
        // Sent after the restart, the sentinel queues behind every possible duplicate: the broker requeued the killed worker's
        // unacknowledged DoWork when its socket closed, and the outbox rows it left went out in the new worker's first batch.
        var sentinel = NewId.NextGuid();
        await bus.Publish(new DoWork(sentinel), TestContext.Current.CancellationToken);
        await bed.UntilReceivedAsync(sentinel, "the sentinel received downstream");
        var effects = await bed.QueryWorker(db => db.Effects.Select(effect => effect.WorkId).ToListAsync());
        var received = await bed.QueryDownstream(db => db.Received.Select(effect => effect.WorkId).ToListAsync());

        TestContext.Current.SendDiagnosticMessage($"killed after {before} of {Messages} effects");
        Assert.Equal(work.Append(sentinel).Order(), effects.Order());
        Assert.Equal(work.Append(sentinel).Order(), received.Order());
    }
}

public sealed class When_a_worker_is_killed_between_commit_and_delivery(MessagingServers servers)
{
    private const int Messages = 200;

    [Fact]
    public async Task Should_deliver_the_committed_messages_after_restart()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var downstream = await bed.StartHostAsync(TestHosts.Downstream);
        var worker = await bed.StartProcessAsync(TestHosts.Worker, ("Messaging:DeliveryEnabled", "false"));
        var work = Enumerable.Range(0, Messages).Select(_ => NewId.NextGuid()).ToArray();
        var bus = downstream.Services.GetRequiredService<IBus>();

        await Task.WhenAll(work.Select(id => bus.Publish(new DoWork(id), TestContext.Current.CancellationToken)));
        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Set<OutboxMessage>().CountAsync()),
            pending => pending == Messages, TimeSpan.FromMinutes(1), "every WorkDone committed to the outbox");
        Assert.Equal(0, await bed.QueryDownstream(db => db.Received.CountAsync()));
        await worker.KillAsync();

        await bed.StartProcessAsync(TestHosts.Worker);

        await Eventually.ReachesAsync(() => bed.QueryDownstream(db => db.Received.CountAsync()),
            received => received >= Messages, TimeSpan.FromMinutes(1), "everything received downstream");
        // The sentinel's WorkDone enters the outbox after every restored row was delivered; the dispatcher sends in sequence
        // order and finishes a batch before claiming the next, so a second send of any restored row is queued before it.
        var sentinel = NewId.NextGuid();
        await bus.Publish(new DoWork(sentinel), TestContext.Current.CancellationToken);
        await bed.UntilReceivedAsync(sentinel, "the sentinel received downstream");

        Assert.Equal(work.Append(sentinel).Order(), await bed.QueryDownstream(db => db.Received.Select(effect => effect.WorkId).OrderBy(id => id).ToListAsync()));
        // A delivered row is deleted when the dispatcher commits, which may be just after downstream consumed it.
        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Set<OutboxMessage>().CountAsync()),
            pending => pending == 0, TimeSpan.FromSeconds(30), "the outbox emptied");
    }
}
