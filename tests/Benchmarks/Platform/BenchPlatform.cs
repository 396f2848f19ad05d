using EscalationPlatform.Harness;
using EscalationPlatform.Harness.Faults;
using EscalationPlatform.Testing;
using Npgsql;

namespace Benchmarks.Platform;

/// <summary>The whole platform for a benchmark: started in local mode like the end-to-end tests, warmed up for
/// longer, then its databases analyzed.</summary>
public static class BenchPlatform
{
    /// <summary>The platform, warmed up and analyzed; on <paramref name="cluster"/> with quorum queues when one is given.</summary>
    public static async Task<PlatformHost> StartAsync(IEnumerable<string> tenants, int replicas = 1, RabbitMqCluster? cluster = null)
    {
        Console.Error.WriteLine($"Starting the platform ({replicas} replica(s) of each service{(cluster is null ? "" : $", on a {cluster.Nodes.Count}-node RabbitMQ cluster")})...");
        var options = new PlatformOptions([.. tenants])
        {
            Replicas = replicas,
            StatePrefix = "escalation-bench",
            WarmUp = new WarmUp(PerSecond: 20, TimeSpan.FromSeconds(10)),
        };
        var host = await PlatformHost.StartAsync(cluster is null ? options : options.OnCluster(cluster));
        await AnalyzeAsync(host);
        return host;
    }

    /// <summary>A database in service has statistics (autovacuum keeps them); a fresh one has none until autovacuum's
    /// first pass, a minute or more in, and statements prepared on empty tables are planned for empty tables. The
    /// benchmarks measure the platform in service, so they analyze after the warm-up. (It cannot teach the planner
    /// about a tenant the warm-up did not use: the queries themselves must not depend on that.)</summary>
    private static async Task AnalyzeAsync(PlatformHost host)
    {
        foreach (var database in PlatformDatabases.Names)
        {
            await using var connection = await PlatformDatabases.OpenAsync(host, database);
            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }
    }
}
