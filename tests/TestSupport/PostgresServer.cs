using EscalationPlatform.LocalServers;
using Npgsql;

namespace EscalationPlatform.Testing;

/// <summary>A throwaway PostgreSQL cluster in a temporary folder, built from the same command lines as the app
/// host's local mode. It can be killed and started again on the same data and port.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly PostgresServerOptions _options;
    private readonly string _directory;
    private ServerProcess? _process;

    private PostgresServer(PostgresServerOptions options, string directory)
    {
        _options = options;
        _directory = directory;
    }

    public int Port => _options.Port;

    public string ConnectionString(string database = "postgres") =>
        $"{PostgresCommands.ConnectionString(Port)};Database={database}";

    public static async Task<PostgresServer> StartAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var options = new PostgresServerOptions(LocalServerLocator.PostgresBinDirectory(null), Path.Combine(directory, "data"), FreePorts.Next(),
            PostgresCommands.RunAsUser);
        await Task.Run(() => PostgresCommands.InitializeCluster(options, directory));
        var server = new PostgresServer(options, directory);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        _process = ServerProcess.Start(PostgresCommands.Server(_options), _directory, Path.Combine(_directory, "postgres.log"));
        await Eventually.ReachesAsync(CanConnectAsync, ready => ready, TimeSpan.FromSeconds(60), $"PostgreSQL on port {Port} accepting connections");
    }

    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    /// <summary>A fast shutdown (SIGINT), as an operator's restart does: sessions end, what was in flight rolls back, what
    /// was committed is kept. A SIGKILL under the local settings (fsync and synchronous commit off) may lose the last
    /// commits a client was told had succeeded, which no production server is configured to do.</summary>
    public Task ShutDownAsync() => _process?.InterruptAsync() ?? Task.CompletedTask;

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private async Task<bool> CanConnectAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false;Timeout=2");
            await connection.OpenAsync();
            return true;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
