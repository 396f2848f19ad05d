using System.Collections.Concurrent;
using System.Diagnostics;
using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;
using Polly.Retry;

namespace Messaging.IntegrationTests;

public sealed partial class When_the_broker_restarts_while_messages_flow(MessagingServers servers)
{
    private const int Restarts = 2;

    /// <summary>Work done between two restarts, so each restart interrupts a stream that flows.</summary>
    private const int WorkBetweenRestarts = 200;

    [Fact]
    public async Task Should_resume_by_itself_after_each_of_two_restarts_and_lose_nothing()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var downstream = await bed.StartHostAsync(TestHosts.Downstream);
        var worker = await bed.StartProcessAsync(TestHosts.Worker);
        var bus = downstream.Services.GetRequiredService<IBus>();
        var work = new ConcurrentQueue<Guid>();
        using var stopProducing = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        // A steady producer that, like a real one, tries again when the broker is away; the message id stays
        // the same, so a publish that did reach the broker before failing is not a second piece of work. It
        // produces until both restarts are behind it, so each restart interrupts a flowing stream.
        var producing = Task.Run(async () =>
        {
            while (!stopProducing.IsCancellationRequested)
            {
                var chunk = Enumerable.Range(0, 10).Select(_ => NewId.NextGuid()).ToArray();
                foreach (var id in chunk)
                {
                    work.Enqueue(id);
                }

                await Task.WhenAll(chunk.Select(id => PublishUntilAccepted(bus, id)));
                await Task.Delay(25, TestContext.Current.CancellationToken); // the producer's pace
            }
        }, TestContext.Current.CancellationToken);

        for (var restart = 1; restart <= Restarts; restart++)
        {
            var effectsBefore = await bed.QueryWorker(db => db.Effects.CountAsync());
            await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Effects.CountAsync()),
                effects => effects >= effectsBefore + WorkBetweenRestarts, TimeSpan.FromMinutes(2), $"work flowing before restart {restart}");
            await servers.RabbitMq.StopAsync();
            // The broker stays away until a service has noticed (its bus no longer healthy), so the restart is one the clients saw.
            await Eventually.ReachesAsync(() => Task.FromResult(downstream.Services.GetRequiredService<IBusControl>().CheckHealth().Status),
                status => status != BusHealthStatus.Healthy, TimeSpan.FromSeconds(60), "the downstream service noticing the broker is gone");
            await servers.RabbitMq.StartAgainAsync();
            var brokerUp = Stopwatch.StartNew();
            var brokerUpAt = DateTime.Now;
            var consumed = await bed.QueryWorker(db => db.Effects.CountAsync());
            var received = await bed.QueryDownstream(db => db.Received.CountAsync());

            // No timing goal here (that is the benchmarks' job): consumption must resume, and how long it took is printed.
            await Explained(Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Effects.CountAsync()),
                effects => effects > consumed, TimeSpan.FromMinutes(2), $"the worker consuming again after restart {restart}", TimeSpan.FromMilliseconds(50)));
            var workerResumed = brokerUp.Elapsed;
            await Explained(Eventually.ReachesAsync(() => bed.QueryDownstream(db => db.Received.CountAsync()),
                count => count > received, TimeSpan.FromMinutes(2), $"downstream receiving again after restart {restart}", TimeSpan.FromMilliseconds(50)));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"restart {restart}: broker up at {brokerUpAt:HH:mm:ss.fff} -> first message consumed by the worker {workerResumed.TotalSeconds:F1} s, "
                + $"-> first outbox message received downstream {brokerUp.Elapsed.TotalSeconds:F1} s");
        }

        async Task Explained(Task wait)
        {
            try
            {
                await wait;
            }
            catch (TimeoutException stalled)
            {
                throw new TimeoutException($"{stalled.Message} {await WhereItStoppedAsync(bed, worker, downstream)}", stalled);
            }
        }

        var effectsAfter = await bed.QueryWorker(db => db.Effects.CountAsync());
        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Effects.CountAsync()),
            effects => effects >= effectsAfter + WorkBetweenRestarts / 2, TimeSpan.FromMinutes(2), "work flowing after the last restart");
        await stopProducing.CancelAsync();
        await producing; // ends after the chunk in hand is accepted

        await Explained(Eventually.ReachesAsync(() => bed.QueryDownstream(db => db.Received.CountAsync()),
            count => count >= work.Count, TimeSpan.FromMinutes(3), "everything received downstream"));

        // Published once everything arrived, the sentinel queues behind every possible copy: the broker redelivers what was
        // unacknowledged from the head of the queue, and the worker's outbox re-sends unconfirmed rows in due order, before newer ones.
        var sentinel = NewId.NextGuid();
        await PublishUntilAccepted(bus, sentinel);
        await bed.UntilReceivedAsync(sentinel, "the sentinel received downstream");

        Assert.Equal(work.Append(sentinel).Order(), await bed.QueryWorker(db => db.Effects.Select(effect => effect.WorkId).OrderBy(id => id).ToListAsync()));
        Assert.Equal(work.Append(sentinel).Order(), await bed.QueryDownstream(db => db.Received.Select(effect => effect.WorkId).OrderBy(id => id).ToListAsync()));
    }

    /// <summary>What a stalled run leaves to go on (the CI log keeps only the failure): how far the work got, what waits
    /// in the worker's outbox, whether downstream's bus thinks it is connected, and the worker's distinct complaints.</summary>
    private static async Task<string> WhereItStoppedAsync(TestBed bed, ServerProcess worker, IHost downstream)
    {
        var effects = await bed.QueryWorker(db => db.Effects.CountAsync());
        var received = await bed.QueryDownstream(db => db.Received.CountAsync());
        var health = downstream.Services.GetRequiredService<IBusControl>().CheckHealth();
        var outbox = await bed.QueryWorker(db => db.Set<EscalationPlatform.Messaging.Outbox.OutboxMessage>().CountAsync());
        var complaints = File.ReadLines(worker.LogFile)
            .Where(line => line.StartsWith("      ", StringComparison.Ordinal) && !line.StartsWith("         at ", StringComparison.Ordinal))
            .Select(line => Identifiers().Replace(line.Trim(), "<id>"))
            .Select(line => line[..Math.Min(line.Length, 160)])
            .Distinct().TakeLast(6);
        return $"Worker: {effects} effects, {outbox} messages in its outbox; exited: {worker.HasExited}. Downstream: {received} received, "
            + $"bus {health.Status} ({health.Description}). Worker's last distinct log lines: " + string.Join(" | ", complaints);
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex Identifiers();

    /// <summary>While the broker is down a publish fails (or hangs past 1 s, inside MassTransit's send retry pause): tried again
    /// every quarter second, 240 times in all. The short timeout keeps the producer's own wait out of the measured resume time.</summary>
    private static readonly ResiliencePipeline UntilAccepted = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 239, Delay = TimeSpan.FromMilliseconds(250), BackoffType = DelayBackoffType.Constant })
        .AddTimeout(TimeSpan.FromSeconds(1))
        .Build();

    private static async Task PublishUntilAccepted(IBus bus, Guid id) =>
        await UntilAccepted.ExecuteAsync(async token => await bus.Publish(new DoWork(id), context => context.MessageId = id, token),
            TestContext.Current.CancellationToken);
}
