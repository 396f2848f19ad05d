using EscalationPlatform.Harness;

namespace Benchmarks.Platform;

/// <summary>The whole platform for a benchmark: started in local mode like the end-to-end tests and warmed up for
/// longer.</summary>
public static class BenchPlatform
{
    public static Task<PlatformHost> StartAsync(IEnumerable<string> tenants, int replicas = 1)
    {
        Console.Error.WriteLine($"Starting the platform ({replicas} replica(s) of each service)...");
        return PlatformHost.StartAsync(new PlatformOptions([.. tenants])
        {
            Replicas = replicas,
            StatePrefix = "escalation-bench",
            WarmUp = new WarmUp(PerSecond: 20, TimeSpan.FromSeconds(10)),
        });
    }
}
