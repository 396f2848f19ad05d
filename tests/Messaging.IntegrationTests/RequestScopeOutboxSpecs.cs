using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        var sentinel = NewId.NextGuid();

        await RequestAsync(worker, saved, saves: true);
        await RequestAsync(worker, abandoned, saves: false); // the request fails before SaveChanges: neither the change nor the message may exist
        // Published and saved after the abandoned request, the sentinel follows any leaked copy of its message: one sent past the
        // outbox reached the broker at once, one stored in the outbox anyway has an earlier sequence number.
        await RequestAsync(worker, sentinel, saves: true);

        await bed.UntilReceivedAsync(saved, "the saved message delivered");
        await bed.UntilReceivedAsync(sentinel, "the sentinel delivered");
        Assert.Equal(new[] { saved, sentinel }.Order(), (await bed.QueryDownstream(db => db.Received.Select(effect => effect.WorkId).ToListAsync())).Order());
        Assert.Equal(new[] { saved, sentinel }.Order(), (await bed.QueryWorker(db => db.Effects.Select(effect => effect.WorkId).ToListAsync())).Order());
    }

    /// <summary>An API request: a change and a message published in its scope, committed by SaveChanges if it <paramref name="saves"/>.</summary>
    private static async Task RequestAsync(IHost worker, Guid workId, bool saves)
    {
        await using var request = worker.Services.CreateAsyncScope();
        var db = request.ServiceProvider.GetRequiredService<WorkerDbContext>();
        db.Effects.Add(new Effect { WorkId = workId });
        await request.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new WorkDone(workId), TestContext.Current.CancellationToken);
        if (saves)
        {
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }
}
