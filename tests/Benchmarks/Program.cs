using Benchmarks.Messaging;

// ./bench.sh <suite>: each suite starts the servers it needs, measures, and prints a Markdown report.
return args.FirstOrDefault() switch
{
    "messaging" => await MessagingBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ./bench.sh messaging [--messages N] [--timers N]");
    return 2;
}
