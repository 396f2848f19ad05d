using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.IntegrationTests;

public sealed class When_50_sagas_each_receive_20_concurrent_events(MessagingServers servers)
{
    private const int Sagas = 50;
    private const int EventsPerSaga = 20;

    [Fact]
    public async Task Should_apply_every_transition_exactly_once()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var worker = await bed.StartHostAsync(TestHosts.Worker);
        var bus = worker.Services.GetRequiredService<IBus>();
        var counters = Enumerable.Range(0, Sagas).Select(_ => NewId.NextGuid()).ToArray();

        // The first event of each saga races the other 19 to create it; all 1,000 are in flight at once.
        await Task.WhenAll(counters.SelectMany(counter =>
            Enumerable.Range(0, EventsPerSaga).Select(step => bus.Publish(new IncrementCounter(counter, step), TestContext.Current.CancellationToken))));

        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Counters.SumAsync(saga => saga.Count)),
            total => total >= Sagas * EventsPerSaga, TimeSpan.FromMinutes(2), "all increments applied");
        // Published once every increment was applied, the sentinel queues behind any copy of them the broker could still deliver.
        var sentinel = NewId.NextGuid();
        await bus.Publish(new IncrementCounter(sentinel, 0), TestContext.Current.CancellationToken);
        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Counters.AnyAsync(saga => saga.CorrelationId == sentinel)),
            created => created, TimeSpan.FromMinutes(1), "the sentinel counter created");
        var sagas = await bed.QueryWorker(db => db.Counters.AsNoTracking().Where(saga => saga.CorrelationId != sentinel).ToListAsync());

        Assert.Equal(counters.Order(), sagas.Select(saga => saga.CorrelationId).Order());
        Assert.All(sagas, saga =>
        {
            Assert.Equal(EventsPerSaga, saga.Count);
            Assert.Equal((1L << EventsPerSaga) - 1, saga.AppliedSteps);
        });
    }
}
