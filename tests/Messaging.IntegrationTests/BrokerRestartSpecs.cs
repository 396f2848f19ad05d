using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.IntegrationTests;

public sealed class When_the_broker_restarts_while_messages_flow(MessagingServers servers)
{
    private const int Messages = 1_000;

    [Fact]
    public async Task Should_resume_by_itself_and_lose_nothing()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var downstream = await bed.StartHostAsync(TestHosts.Downstream);
        await bed.StartProcessAsync(TestHosts.Worker);
        var bus = downstream.Services.GetRequiredService<IBus>();
        var work = Enumerable.Range(0, Messages).Select(_ => NewId.NextGuid()).ToArray();

        // A steady producer that, like a real one, tries again when the broker is away; the message id stays
        // the same, so a publish that did reach the broker before failing is not a second piece of work.
        var producing = Task.Run(async () =>
        {
            foreach (var chunk in work.Chunk(20))
            {
                await Task.WhenAll(chunk.Select(id => PublishUntilAccepted(bus, id)));
                await Task.Delay(25, TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken);
        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Effects.CountAsync()),
            effects => effects >= Messages / 5, TimeSpan.FromMinutes(1), "a fifth of the work done");
        await servers.RabbitMq.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await servers.RabbitMq.StartAgainAsync();
        await producing;

        await Eventually.ReachesAsync(() => bed.QueryDownstream(db => db.Received.CountAsync()),
            received => received >= Messages, TimeSpan.FromMinutes(3), "everything received downstream");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Equal(work.Order(), await bed.QueryWorker(db => db.Effects.Select(effect => effect.WorkId).OrderBy(id => id).ToListAsync()));
        Assert.Equal(work.Order(), await bed.QueryDownstream(db => db.Received.Select(effect => effect.WorkId).OrderBy(id => id).ToListAsync()));
    }

    private static async Task PublishUntilAccepted(IBus bus, Guid id)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await bus.Publish(new DoWork(id), context => context.MessageId = id, timeout.Token);
                return;
            }
            catch (Exception) when (attempt < 60)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            }
        }
    }
}
