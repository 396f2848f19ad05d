using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Messaging.IntegrationTests;

public sealed class When_the_database_restarts_while_messages_arrive(MessagingServers servers)
{
    /// <summary>Longer than the ordinary retries (about 3 s), as a restart under load is: the fault itself, not a wait for
    /// something to happen.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Should_consume_what_arrived_meanwhile_once_it_is_back_with_nothing_in_the_error_queue()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        var downstream = await bed.StartHostAsync(TestHosts.Downstream);
        var worker = await bed.StartProcessAsync(TestHosts.Worker);
        var bus = downstream.Services.GetRequiredService<IBus>();
        var before = Enumerable.Range(0, 20).Select(_ => NewId.NextGuid()).ToArray();
        await Task.WhenAll(before.Select(id => bus.Publish(new DoWork(id), TestContext.Current.CancellationToken)));
        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Effects.CountAsync()), effects => effects == before.Length,
            TimeSpan.FromSeconds(60), "the work before the outage done");

        await servers.Postgres.ShutDownAsync();
        var during = Enumerable.Range(0, 20).Select(_ => NewId.NextGuid()).ToArray();
        await Task.WhenAll(during.Select(id => bus.Publish(new DoWork(id), TestContext.Current.CancellationToken))); // the broker takes them
        await Task.Delay(Outage, TestContext.Current.CancellationToken);
        await servers.Postgres.StartAgainAsync();
        NpgsqlConnection.ClearAllPools(); // this test's own connections died with the server

        await Eventually.ReachesAsync(() => bed.QueryWorker(db => db.Effects.CountAsync()), effects => effects == before.Length + during.Length,
            TimeSpan.FromMinutes(2), "the work that arrived during the outage done");
        Assert.Equal(before.Concat(during).Order(), await bed.QueryWorker(db => db.Effects.Select(effect => effect.WorkId).OrderBy(id => id).ToListAsync()));
        Assert.DoesNotContain("R-FAULT", await File.ReadAllTextAsync(worker.LogFile, TestContext.Current.CancellationToken)); // nothing went to the error queue
    }
}
