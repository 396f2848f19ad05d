using EscalationPlatform.LocalServers;
using EscalationPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.Extensions;
using Notification.Api.Webhooks;
using Notification.UnitTests;

namespace Notification.IntegrationTests;

/// <summary>What one spec needs: its own notification database (migrated, with the real triggers), a webhook receiver,
/// a clock the spec moves, and delivery workers hosted in the test process (stopped when the spec ends). The mail
/// server named to the workers is a port nothing listens on: email attempts fail to connect.</summary>
public sealed class WorkerBed : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    private WorkerBed(string database, TestReceiver receiver)
    {
        Database = database;
        Receiver = receiver;
    }

    public string Database { get; }

    public TestReceiver Receiver { get; }

    /// <summary>Starts at a whole second (PostgreSQL keeps microseconds) and moves only when the spec says.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<WorkerBed> CreateAsync(DatabaseServer server)
    {
        var name = $"n{Guid.NewGuid():N}"[..12];
        await server.Postgres.CreateDatabaseAsync(name);
        var bed = new WorkerBed(server.Postgres.ConnectionString(name), await TestReceiver.StartAsync());
        await using var db = bed.Db();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return bed;
    }

    public NotificationDbContext Db() => new(new DbContextOptionsBuilder<NotificationDbContext>().UseNpgsql(Database).Options);

    /// <summary>A delivery worker as the service composes it, on this bed's database and clock. It is woken only by the
    /// database's notifications and by the spec (<see cref="Advance"/>, which moves the clock): its safety-net poll is
    /// an hour, so a spec that passes shows the triggers work.</summary>
    public async Task<IHost> StartWorkerAsync(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:mail"] = $"Endpoint=smtp://127.0.0.1:{FreePorts.Next()}",
            ["Notification:Webhooks:AllowedNetworks"] = "127.0.0.1/32",
            ["Notification:Worker:IdlePollInterval"] = "01:00:00",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        builder.Services.AddDbContextPool<NotificationDbContext>(options => options.UseNpgsql(Database));
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddDeliveryWorker();
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>Moves the clock and wakes the workers, as the passing of that much time would.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        foreach (var host in _hosts)
        {
            host.Services.GetRequiredService<DeliverySignal>().Raise();
        }
    }

    public async Task<WebhookSubscription> SubscribeAsync(string path)
    {
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            TenantId = "acme",
            Url = $"http://127.0.0.1:{Receiver.Port}{path}",
            Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            Events = [],
            CreatedAt = Now,
        };
        await using var db = Db();
        db.Webhooks.Add(subscription);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return subscription;
    }

    /// <summary>Stores deliveries as the planner does: pending, due now (their commit wakes the workers).</summary>
    public async Task<IReadOnlyList<Delivery>> PlanAsync(IEnumerable<Delivery> deliveries)
    {
        var planned = deliveries.ToList();
        await using var db = Db();
        db.Deliveries.AddRange(planned);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return planned;
    }

    public Delivery Webhook(WebhookSubscription subscription) => New(DeliveryChannel.Webhook, subscription.Url, subscription.Id);

    public Delivery Email(string recipient) => New(DeliveryChannel.Email, recipient, null);

    public async Task<Delivery> FindAsync(Guid id)
    {
        await using var db = Db();
        return await db.Deliveries.AsNoTracking().SingleAsync(delivery => delivery.Id == id, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the delivery is in the state <paramref name="condition"/> describes.</summary>
    public Task<Delivery> UntilAsync(Guid id, Func<Delivery, bool> condition, string what) =>
        Eventually.ReachesAsync(() => FindAsync(id), condition, TimeSpan.FromSeconds(30), what);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        await Receiver.DisposeAsync();
    }

    private Delivery New(string channel, string recipient, Guid? subscriptionId) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = "acme",
        EscalationId = Guid.CreateVersion7(),
        DedupKey = $"{channel}:{Guid.NewGuid():N}",
        Channel = channel,
        Recipient = recipient,
        SubscriptionId = subscriptionId,
        EventType = "escalation.offered",
        Subject = "ESC-1 offered",
        Body = channel == DeliveryChannel.Webhook ? """{"type":"escalation.offered"}""" : "ESC-1 was offered to you.",
        Status = DeliveryStatus.Pending,
        NextAttemptAt = Now,
        CreatedAt = Now,
    };
}
