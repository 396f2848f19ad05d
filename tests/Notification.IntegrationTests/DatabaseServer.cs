using EscalationPlatform.Testing;

[assembly: AssemblyFixture(typeof(Notification.IntegrationTests.DatabaseServer))]

namespace Notification.IntegrationTests;

/// <summary>One real PostgreSQL for all notification specs; each spec gets its own database (see
/// <see cref="WorkerBed"/>).</summary>
public sealed class DatabaseServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"escalation-it-{Guid.NewGuid():N}");

    public PostgresServer Postgres { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Postgres = await PostgresServer.StartAsync(Path.Combine(_directory, "postgres"));

    public async ValueTask DisposeAsync()
    {
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
