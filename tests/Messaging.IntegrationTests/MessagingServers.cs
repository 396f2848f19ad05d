using EscalationPlatform.Testing;

[assembly: AssemblyFixture(typeof(Messaging.IntegrationTests.MessagingServers))]

// The broker-restart and kill specs would disturb neighbours; the specs run one at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Messaging.IntegrationTests;

/// <summary>One real PostgreSQL and one real RabbitMQ for all messaging specs; each spec gets its own databases
/// and its own virtual host.</summary>
public sealed class MessagingServers : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"escalation-it-{Guid.NewGuid():N}");

    public PostgresServer Postgres { get; private set; } = null!;

    public RabbitMqServer RabbitMq { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync(Path.Combine(_directory, "postgres"));
        var rabbitMq = RabbitMqServer.StartAsync(Path.Combine(_directory, "rabbitmq"));
        Postgres = await postgres;
        RabbitMq = await rabbitMq;
    }

    public async ValueTask DisposeAsync()
    {
        if (RabbitMq is not null)
        {
            await RabbitMq.DisposeAsync();
        }

        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
