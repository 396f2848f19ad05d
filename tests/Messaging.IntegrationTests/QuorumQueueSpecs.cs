using System.Diagnostics.Metrics;
using EscalationPlatform.Messaging.Outbox;
using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.IntegrationTests;

public sealed class When_endpoints_use_quorum_queues(MessagingServers servers)
{
    private static readonly (string, string)[] Quorum = [("Messaging:QuorumQueues", "true"), ("Messaging:QuorumDeliveryLimit", "1000")];

    [Fact]
    public async Task Should_declare_every_endpoint_queue_as_a_quorum_queue_with_the_delivery_limit_and_deliver_through_it()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var downstream = await bed.StartHostAsync(TestHosts.Downstream, Quorum);
        await bed.StartHostAsync(TestHosts.Worker, Quorum);
        var work = NewId.NextGuid();

        await downstream.Services.GetRequiredService<IBus>().Publish(new DoWork(work), TestContext.Current.CancellationToken);
        await bed.UntilReceivedAsync(work, "the work done, received downstream");

        var queues = (await servers.RabbitMq.ManagementAsync($"queues/{Uri.EscapeDataString(bed.Name)}")).EnumerateArray()
            .Where(queue => !queue.GetProperty("name").GetString()!.StartsWith("bus-", StringComparison.Ordinal))
            .Select(queue => (Name: queue.GetProperty("name").GetString(), Type: queue.GetProperty("type").GetString(),
                Limit: queue.GetProperty("arguments").TryGetProperty("x-delivery-limit", out var limit) ? limit.GetInt32() : (int?)null))
            .ToList();
        Assert.Contains(queues, queue => queue.Name == "work"); // the worker's endpoint (WorkConsumer)
        Assert.All(queues, queue => Assert.Equal(("quorum", (int?)1000), (queue.Type, queue.Limit)));
    }

    [Fact]
    public async Task Should_report_the_outbox_backlog_while_the_broker_is_not_reached()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var downstream = await bed.StartHostAsync(TestHosts.Downstream);
        var worker = await bed.StartHostAsync(TestHosts.Worker, ("Messaging:DeliveryEnabled", "false"), ("Messaging:BacklogSampleInterval", "00:00:00.2"));
        var bus = downstream.Services.GetRequiredService<IBus>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => bus.Publish(new DoWork(NewId.NextGuid()), TestContext.Current.CancellationToken)));
        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Set<OutboxMessage>().CountAsync()), pending => pending == 20,
            TimeSpan.FromMinutes(1), "twenty WorkDone waiting in the worker's outbox");

        var workerMeters = worker.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        long reported = -1;
        listener.InstrumentPublished = (instrument, subscribe) =>
        {
            if (instrument.Name == OutboxBacklogSampler<WorkerDbContext>.GaugeName && instrument.Meter.Scope == workerMeters)
            {
                subscribe.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => reported = value);
        listener.Start();

        await Eventually.ReachesAsync(() =>
        {
            listener.RecordObservableInstruments();
            return Task.FromResult(reported);
        }, backlog => backlog == 20, TimeSpan.FromSeconds(10), "outbox.backlog reporting the twenty waiting messages");
    }
}
