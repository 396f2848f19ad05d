using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.IntegrationTests;

public sealed class When_an_api_scope_publishes(MessagingServers servers)
{
    [Fact]
    public async Task Should_deliver_only_what_was_saved_with_the_state_change()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        await bed.StartHostAsync(TestHosts.Downstream);
        var worker = await bed.StartHostAsync(TestHosts.Worker);
        var saved = NewId.NextGuid();
        var abandoned = NewId.NextGuid();

        await using (var request = worker.Services.CreateAsyncScope())
        {
            var db = request.ServiceProvider.GetRequiredService<WorkerDbContext>();
            db.Effects.Add(new Effect { WorkId = saved });
            await request.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new WorkDone(saved), TestContext.Current.CancellationToken);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var request = worker.Services.CreateAsyncScope())
        {
            // Published, but the request fails before SaveChanges: neither the change nor the message may exist.
            await request.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new WorkDone(abandoned), TestContext.Current.CancellationToken);
        }

        await Eventually.ReachesAsync(() => bed.QueryDownstream(db => db.Received.CountAsync(effect => effect.WorkId == saved)),
            received => received == 1, TimeSpan.FromSeconds(30), "the saved message delivered");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(0, await bed.QueryDownstream(db => db.Received.CountAsync(effect => effect.WorkId == abandoned)));
    }
}
