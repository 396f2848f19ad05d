namespace EscalationPlatform.Harness;

/// <summary>CPU seconds used so far by every process of one platform, by group: each service and the gateway
/// (replicas summed), PostgreSQL (postmaster with its reaped children, plus the live backends), RabbitMQ (beam and
/// its helpers), Redis, and apart from the platform: mail, other server processes, and this process (the load
/// generator and the in-process app host). Two snapshots subtracted give the CPU of a window; a backend that exits
/// in between moves from "live" to the postmaster's reaped time, so the group's sum stays right.</summary>
public sealed class PlatformCpu(PlatformHost host)
{
    public const string PostgreSql = "postgresql";
    public const string RabbitMq = "rabbitmq";
    public const string Redis = "redis";
    public const string Harness = "harness (load generator + app host)";

    /// <summary>The groups that count as the platform's cost.</summary>
    public static IReadOnlyList<string> Platform { get; } = [.. PlatformProcesses.Assemblies.Keys, PostgreSql, RabbitMq, Redis];

    public sealed record Usage(string Group, double Seconds, bool IsPlatform);

    public Dictionary<string, double> Snapshot()
    {
        var seconds = new Dictionary<string, double>();
        void Add(string group, double? value) => seconds[group] = seconds.GetValueOrDefault(group) + (value ?? 0);

        var services = new HashSet<int>();
        foreach (var (resource, assembly) in PlatformProcesses.Assemblies)
        {
            foreach (var pid in host.Processes.Of(assembly))
            {
                services.Add(pid);
                Add(resource, ProcessCpu.Seconds(pid));
            }
        }

        var postmaster = Postmaster();
        foreach (var pid in LeftoverProcesses.Using(host.StateDirectory).Where(pid => !services.Contains(pid)))
        {
            var group = Group(ProcessCpu.Name(pid));
            Add(group, ProcessCpu.Seconds(pid, reapedChildren: pid == postmaster));
        }

        Add(Harness, ProcessCpu.Seconds(Environment.ProcessId));
        return seconds;
    }

    public static IReadOnlyList<Usage> Between(Dictionary<string, double> before, Dictionary<string, double> after) =>
        [.. after.Select(group => new Usage(group.Key, group.Value - before.GetValueOrDefault(group.Key), Platform.Contains(group.Key)))
            .OrderByDescending(usage => usage.IsPlatform).ThenByDescending(usage => usage.Seconds)];

    private static string Group(string? name) => name switch
    {
        null => "exited",
        "postgres" => PostgreSql,
        "beam.smp" or "erl_child_setup" or "inet_gethost" or "epmd" or "rabbitmq-server" => RabbitMq,
        "redis-server" => Redis,
        _ when name.Contains("mtp4dev", StringComparison.OrdinalIgnoreCase) => "mail (smtp4dev)",
        _ => $"other: {name}",
    };

    private int? Postmaster()
    {
        var pidFile = Path.Combine(host.StateDirectory, "postgres", "data", "postmaster.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid) ? pid : null;
    }
}
