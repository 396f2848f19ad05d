using Aspire.Hosting.Testing;
using EscalationPlatform.Harness;
using Npgsql;

namespace Benchmarks.Platform;

/// <summary>How many messages the services consumed: every consumed message leaves one inbox row in its consumer's
/// database (kept for two days), so the growth across a run, divided by the escalations, is the messages one
/// escalation costs; the raw bus rate divided by that is the pipeline's ceiling.</summary>
public static class ConsumedMessages
{
    private static readonly string[] Databases = ["intakedb", "triagedb", "routingdb", "sladb", "notificationdb"];

    public static async Task<long> CountAsync(PlatformHost host)
    {
        long total = 0;
        foreach (var database in Databases)
        {
            await using var connection = new NpgsqlConnection(await host.App.GetConnectionStringAsync(database));
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM inbox_message", connection);
            total += (long)(await count.ExecuteScalarAsync())!;
        }

        return total;
    }
}
