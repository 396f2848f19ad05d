using EscalationPlatform.LocalServers;
using EscalationPlatform.Testing;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Messaging.IntegrationTests;

/// <summary>Everything one spec needs, isolated from the others: a virtual host, a worker database and a
/// downstream database, and the hosts and processes it starts (stopped when the spec ends).</summary>
public sealed class TestBed : IAsyncDisposable
{
    private readonly MessagingServers _servers;
    private readonly List<IHost> _hosts = [];
    private readonly List<ServerProcess> _processes = [];

    private TestBed(MessagingServers servers, string name, string messaging)
    {
        _servers = servers;
        Name = name;
        Messaging = messaging;
    }

    public string Name { get; }

    public string Messaging { get; }

    public string WorkerDatabase => _servers.Postgres.ConnectionString($"{Name}_worker");

    public string DownstreamDatabase => _servers.Postgres.ConnectionString($"{Name}_downstream");

    public static async Task<TestBed> CreateAsync(MessagingServers servers)
    {
        var name = $"t{Guid.NewGuid():N}"[..12];
        var bed = new TestBed(servers, name, await servers.RabbitMq.CreateVirtualHostAsync(name));
        await servers.Postgres.CreateDatabaseAsync($"{name}_worker");
        await servers.Postgres.CreateDatabaseAsync($"{name}_downstream");
        await using (var worker = bed.WorkerDb())
        {
            await TestHosts.CreateSchemaAsync(worker);
        }

        await using (var downstream = bed.DownstreamDb())
        {
            await TestHosts.CreateSchemaAsync(downstream);
        }

        return bed;
    }

    public WorkerDbContext WorkerDb() => new(new DbContextOptionsBuilder<WorkerDbContext>().UseNpgsql(WorkerDatabase).Options);

    public DownstreamDbContext DownstreamDb() => new(new DbContextOptionsBuilder<DownstreamDbContext>().UseNpgsql(DownstreamDatabase).Options);

    public async Task<T> QueryWorker<T>(Func<WorkerDbContext, Task<T>> query)
    {
        await using var db = WorkerDb();
        return await query(db);
    }

    public async Task<T> QueryDownstream<T>(Func<DownstreamDbContext, Task<T>> query)
    {
        await using var db = DownstreamDb();
        return await query(db);
    }

    /// <summary>Waits until downstream has received the WorkDone of <paramref name="workId"/>: the arrival of a sentinel
    /// sent after the messages under test, so that whatever those could still cause has arrived before it.</summary>
    public Task UntilReceivedAsync(Guid workId, string what) =>
        Eventually.ReachesAsync(() => QueryDownstream(db => db.Received.AnyAsync(effect => effect.WorkId == workId)), arrived => arrived,
            TimeSpan.FromMinutes(1), what);

    /// <summary>Waits until the worker has consumed the timer <paramref name="timerId"/> (a sentinel timer).</summary>
    public Task UntilFiredAsync(Guid timerId, string what) =>
        Eventually.ReachesAsync(() => QueryWorker(db => db.TimerFirings.AnyAsync(firing => firing.TimerId == timerId)), fired => fired,
            TimeSpan.FromMinutes(1), what);

    /// <summary>A service hosted in the test process.</summary>
    public async Task<IHost> StartHostAsync(string role, params (string Key, string Value)[] settings)
    {
        var host = TestHosts.Build(role, Settings(role, settings).ToDictionary(pair => pair.Key, pair => (string?)pair.Value));
        _hosts.Add(host);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>A service in a process of its own, to be killed; returns once it is consuming.</summary>
    public async Task<ServerProcess> StartProcessAsync(string role, params (string Key, string Value)[] settings)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "Messaging.TestWorker.dll");
        var process = ServerProcess.Start(
            LocalServerCommand.Of("dotnet", "exec", worker, role),
            AppContext.BaseDirectory,
            Path.Combine(Path.GetTempPath(), $"escalation-it-{Name}-{role}-{_processes.Count}.log"),
            Settings(role, settings).ToDictionary(pair => pair.Key.Replace(":", "__"), pair => pair.Value));
        _processes.Add(process);
        await process.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        foreach (var host in _hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    private Dictionary<string, string> Settings(string role, (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:messaging"] = Messaging,
            ["ConnectionStrings:database"] = role == TestHosts.Worker ? WorkerDatabase : DownstreamDatabase,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}
