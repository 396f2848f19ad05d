using System.Collections.Concurrent;
using System.Diagnostics;
using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.IntegrationTests;

public sealed class When_a_message_passes_through_the_outbox(MessagingServers servers)
{
    [Fact]
    public async Task Should_stay_in_the_trace_that_published_it()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var consumed = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "outbox-test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "MassTransit" && activity.Kind == ActivityKind.Consumer)
                {
                    consumed.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("outbox-test");
        await bed.StartHostAsync(TestHosts.Downstream);
        var worker = await bed.StartHostAsync(TestHosts.Worker);
        var work = NewId.NextGuid();
        ActivityTraceId traceId;

        using (var request = source.StartActivity("api request")!)
        {
            traceId = request.TraceId;
            await using var scope = worker.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new WorkDone(work), TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<WorkerDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.ReachesAsync(() => bed.QueryDownstream(db => db.Received.CountAsync(effect => effect.WorkId == work)),
            received => received == 1, TimeSpan.FromSeconds(30), "delivered downstream");
        await Eventually.ReachesAsync(() => Task.FromResult(consumed.Count), count => count > 0, TimeSpan.FromSeconds(10), "the consume span recorded");

        Assert.Contains(consumed, activity => activity.TraceId == traceId);
    }
}
