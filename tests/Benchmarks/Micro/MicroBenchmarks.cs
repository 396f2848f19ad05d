using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Benchmarks.Micro;

/// <summary>./bench.sh micro [--filter *Sla*]: BenchmarkDotNet over the domain rules on the hot path, per operation
/// time and allocations. In-process (this is already a Release build), results in .state/bench/micro.</summary>
public static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(Arguments.Text(args, "--out") ?? Path.Combine(".state", "bench"), "micro"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summaries = BenchmarkSwitcher.FromTypes([typeof(TriageBenchmarks), typeof(SlaBenchmarks), typeof(RoutingBenchmarks)])
            .Run(args.Contains("--filter") ? args : [.. args, "--filter", "*"], config);
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
