using EscalationPlatform.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notification.Api.Data;
using EscalationPlatform.Web.Configuration;
using Notification.Api.Deliveries;
using Notification.Api.Rules;
using Notification.Api.Webhooks;

namespace Notification.UnitTests;

/// <summary>The webhook relay endpoint on MassTransit's test harness: intake's events reach it when sent to its queue,
/// never when published (its queue is bound to no exchange), so a case nobody subscribed to costs notification nothing.
/// What the consumer then plans needs a database and is not looked at here.</summary>
public sealed class RelayedEventsConsumerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddDbContext<NotificationDbContext>(db => db.UseNpgsql("Host=127.0.0.1;Port=1;Timeout=1")) // nothing listens: planning fails, routing is what counts
        .AddSingleton(TimeProvider.System)
        .AddScoped<DeliveryPlanner>()
        .AddConfigStore<NotificationDbContext>()
        .AddSingleton(OutboundAddressPolicy.WithAllowedNetworks(null))
        .AddSingleton<RulesDocument>()
        .AddScoped<NotificationSettings>()
        .AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(1));
            bus.AddConsumer<RelayedEventsConsumer, RelayedEventsConsumerDefinition>();
        })
        .BuildServiceProvider(validateScopes: true);

    private ITestHarness Harness => _services.GetRequiredService<ITestHarness>();

    private IConsumerTestHarness<RelayedEventsConsumer> Relay => Harness.GetConsumerHarness<RelayedEventsConsumer>();

    public async ValueTask InitializeAsync() => await Harness.Start();

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static EscalationStatusChanged Moved() => new()
    {
        EscalationId = Guid.CreateVersion7(), TenantId = "acme", Key = "ACME-1", From = EscalationStatus.Assigned, To = EscalationStatus.Acknowledged,
        Actor = Actor.Service("test"), At = At,
    };

    [Fact]
    public async Task When_intake_publishes_a_status_change_Should_not_reach_the_relay()
    {
        await Harness.Bus.Publish(Moved(), TestContext.Current.CancellationToken);

        Assert.True(await Harness.Published.Any<EscalationStatusChanged>(TestContext.Current.CancellationToken));
        Assert.False(await Relay.Consumed.Any<EscalationStatusChanged>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task When_intake_sends_a_status_change_to_the_relay_queue_Should_consume_it()
    {
        var relay = await Harness.Bus.GetSendEndpoint(WebhookRelay.Address);

        await relay.Send(Moved(), TestContext.Current.CancellationToken);

        Assert.True(await Relay.Consumed.Any<EscalationStatusChanged>(TestContext.Current.CancellationToken));
    }
}
