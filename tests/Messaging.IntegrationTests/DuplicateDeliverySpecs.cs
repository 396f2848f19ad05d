using System.Diagnostics.Metrics;
using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.IntegrationTests;

public sealed class When_the_same_message_id_is_delivered_again(MessagingServers servers)
{
    [Fact]
    public async Task Should_have_one_effect()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        using var duplicates = new InboxDuplicateCounter();
        var worker = await bed.StartHostAsync(TestHosts.Worker);
        var bus = worker.Services.GetRequiredService<IBus>();
        var work = NewId.NextGuid();
        var messageId = NewId.NextGuid();

        for (var copy = 0; copy < 3; copy++)
        {
            await bus.Publish(new DoWork(work), context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        }

        await Eventually.ReachesAsync(() => Task.FromResult(duplicates.Count), count => count >= 2, TimeSpan.FromSeconds(30), "two copies recognised");
        Assert.Equal(1, await bed.QueryWorker(db => db.Effects.CountAsync(effect => effect.WorkId == work)));
        Assert.Equal(2, duplicates.Count);
    }
}

/// <summary>Counts messages the inbox acknowledged without effect (the "inbox.duplicates" counter).</summary>
public sealed class InboxDuplicateCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public InboxDuplicateCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "inbox.duplicates")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, measurement, _, _) => Interlocked.Add(ref _count, measurement));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
