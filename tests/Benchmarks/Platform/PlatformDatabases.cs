using Aspire.Hosting.Testing;
using EscalationPlatform.Harness;
using Npgsql;

namespace Benchmarks.Platform;

/// <summary>Direct connections to the six service databases, for the cheap counts a benchmark reads.</summary>
public static class PlatformDatabases
{
    public static readonly string[] Names = ["intakedb", "triagedb", "routingdb", "sladb", "notificationdb", "insightsdb"];

    public static async Task<NpgsqlConnection> OpenAsync(PlatformHost host, string database)
    {
        var connection = new NpgsqlConnection(await host.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<long> SumAsync(PlatformHost host, string sql)
    {
        long total = 0;
        foreach (var database in Names)
        {
            await using var connection = await OpenAsync(host, database);
            await using var command = new NpgsqlCommand(sql, connection);
            total += (long)(await command.ExecuteScalarAsync())!;
        }

        return total;
    }
}
