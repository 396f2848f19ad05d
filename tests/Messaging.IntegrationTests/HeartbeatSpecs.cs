using EscalationPlatform.Testing;
using Messaging.TestWorker;

namespace Messaging.IntegrationTests;

public sealed class When_a_service_connects_to_the_broker(MessagingServers servers)
{
    /// <summary>Three missed heartbeats close a connection: at the broker's 60 s default, a connection whose close
    /// the client missed held the outbox for minutes after a broker restart.</summary>
    [Fact]
    public async Task Should_agree_a_ten_second_heartbeat()
    {
        await using var bed = await TestBed.CreateAsync(servers);
        await bed.StartHostAsync(TestHosts.Downstream);

        var heartbeats = await Eventually.ReachesAsync(() => servers.RabbitMq.HeartbeatsAsync(bed.Name), connections => connections.Count > 0,
            TimeSpan.FromSeconds(30), "the service's connection listed by the broker");

        Assert.All(heartbeats, seconds => Assert.Equal(10, seconds));
    }
}
