using Benchmarks.Faults;
using Benchmarks.Insights;
using Benchmarks.Knowledge;
using Benchmarks.Load;
using Benchmarks.Messaging;
using Benchmarks.Micro;
using Benchmarks.Overhead;
using Benchmarks.Storm;

// ./bench.sh <suite>: each suite starts the servers (or the whole platform) it needs, measures, and prints a
// Markdown report; the platform suites also write it, with a JSON result, to .state/bench.
var options = args.Skip(1).ToArray();
return args.FirstOrDefault() switch
{
    "messaging" => await MessagingBenchmark.RunAsync(options),
    "load" => await LoadBenchmark.RunAsync(options),
    "overhead" => await GatewayOverheadBenchmark.RunAsync(options),
    "faults" => await FaultBenchmark.RunAsync(options),
    "storm" => await StormBenchmark.RunAsync(options),
    "insights" => await InsightsBenchmark.RunAsync(options),
    "knowledge" => await KnowledgeBenchmark.RunAsync(options),
    "micro" => MicroBenchmarks.Run(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ./bench.sh <suite> [options]
          messaging [--messages N] [--timers N]                       saga, outbox and timer rates beside the raw bus
          load [--rate N | --clients N] [--duration S] [--replicas N] [--patience S]
                                                                      end-to-end throughput and latency through the gateway
          overhead [--clients N] [--window S] [--rounds N]            the same mix direct to intake and through the gateway
          faults [--replicas N] [--rate N] [--only NAME]              kills and restarts under load, audited for loss
          storm [--alerts N] [--events N] [--groups N] [--keys N] [--duration S] [--seed N]
                                                                      an alert storm on hot keys: exactly-once, intake p99, time to owned
          insights [--cases N] [--rounds N]                          the insights API over a seeded read model (100,000 escalations)
          knowledge [--articles N] [--rounds N]                       the knowledge search over 10,000 known errors: latency and quality
          micro [--filter PATTERN]                                    BenchmarkDotNet over matrix, SLA and routing rules
        """);
    return 2;
}
