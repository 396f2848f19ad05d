using EscalationPlatform.Messaging.Operations;
using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.IntegrationTests;

public sealed class When_a_message_keeps_failing(MessagingServers servers)
{
    [Fact]
    public async Task Should_end_in_the_error_queue_with_its_exception_and_be_replayable_once_fixed()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var worker = await bed.StartHostAsync(TestHosts.Worker,
            ("Messaging:ImmediateRetries", "1"), ("Messaging:ExponentialRetries", "1"), ("Messaging:Redelivery", "00:00:01"));
        var operations = worker.Services.GetRequiredService<ErrorQueueOperations>();
        var work = NewId.NextGuid();

        await worker.Services.GetRequiredService<IBus>().Publish(new DoWork(work, FailUntilFixed: true), TestContext.Current.CancellationToken);

        var failed = await Eventually.ReachesAsync(() => operations.ListAsync("work", 10, CancellationToken.None),
            messages => messages.Count == 1, TimeSpan.FromSeconds(60), "the message in the error queue");
        Assert.NotNull(failed[0].MessageId);
        Assert.Equal("System.InvalidOperationException", failed[0].ExceptionType);
        Assert.Contains($"Work {work} is broken until fixed.", failed[0].ExceptionMessage);
        Assert.Equal(1, failed[0].RedeliveryCount); // it went through one delayed redelivery on the way
        Assert.Contains("urn:message:Messaging.TestWorker:DoWork", failed[0].MessageTypes);
        Assert.Contains(await operations.SummarizeAsync(CancellationToken.None), queue => queue is { Endpoint: "work", Messages: 1 });
        Assert.Equal(0, await bed.QueryWorker(db => db.Effects.CountAsync()));

        await using (var db = bed.WorkerDb())
        {
            db.Fixes.Add(new Fix { WorkId = work });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, await operations.ReplayAsync("work", [failed[0].MessageId!], CancellationToken.None));

        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Effects.CountAsync(effect => effect.WorkId == work)),
            effects => effects == 1, TimeSpan.FromSeconds(30), "the replayed message consumed");
        Assert.Empty(await operations.ListAsync("work", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Should_refuse_to_touch_a_queue_that_is_not_one_of_its_endpoints()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var worker = await bed.StartHostAsync(TestHosts.Worker);
        var operations = worker.Services.GetRequiredService<ErrorQueueOperations>();

        await Assert.ThrowsAsync<UnknownEndpointException>(() => operations.ListAsync("someone-elses-queue", 10, CancellationToken.None));
        await Assert.ThrowsAsync<UnknownEndpointException>(() => operations.ReplayAsync("someone-elses-queue", null, CancellationToken.None));
    }
}
