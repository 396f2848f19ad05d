using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using EscalationPlatform.Harness.Load;
using EscalationPlatform.Testing;
using MassTransit;
using Messaging.TestWorker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Benchmarks.Messaging;

/// <summary>Saga transitions/s, outbox delivery messages/s and timer lateness, each beside the raw MassTransit
/// publish+consume rate, all in one run against one PostgreSQL and one RabbitMQ started for it.</summary>
public static class MessagingBenchmark
{
    private const ushort Prefetch = 32;

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = Arguments.Int(args, "--messages", 20_000);
        var timers = Arguments.Int(args, "--timers", 10_000);
        var directory = Path.Combine(Path.GetTempPath(), $"escalation-bench-{Guid.NewGuid():N}");
        try
        {
            await using var postgres = await PostgresServer.StartAsync(Path.Combine(directory, "postgres"));
            await using var rabbitMq = await RabbitMqServer.StartAsync(Path.Combine(directory, "rabbitmq"));
            var run = new Run(postgres, rabbitMq);

            await RawRateAsync(run, messages / 10); // warm-up: JIT, connections, the broker's first queues
            var raw = await RawRateAsync(run, messages);
            Console.Error.WriteLine($"raw publish+consume: {raw:0} msg/s");
            var (written, delivered) = await OutboxRateAsync(run, messages);
            Console.Error.WriteLine($"outbox: written {written:0}/s, delivered {delivered:0}/s");
            var contended = await SagaRateAsync(run, sagas: 200, eventsPerSaga: 25);
            var creating = await SagaRateAsync(run, sagas: 5_000, eventsPerSaga: 1);
            Console.Error.WriteLine($"saga: contended {contended:0}/s, creating {creating:0}/s");
            var lateness = await TimerLatenessAsync(run, timers);
            var rawAfter = await RawRateAsync(run, messages);

            Console.WriteLine(Report(messages, timers, raw, rawAfter, written, delivered, contended, creating, lateness));
            return 0;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private sealed record Run(PostgresServer Postgres, RabbitMqServer RabbitMq)
    {
        private int _number;

        /// <summary>A fresh virtual host and worker database for one measurement.</summary>
        public async Task<(string Messaging, string Database)> IsolateAsync()
        {
            var name = $"bench{Interlocked.Increment(ref _number)}";
            var messaging = await RabbitMq.CreateVirtualHostAsync(name);
            await Postgres.CreateDatabaseAsync(name);
            var database = Postgres.ConnectionString(name);
            await using var db = new WorkerDbContext(new DbContextOptionsBuilder<WorkerDbContext>().UseNpgsql(database).Options);
            await TestHosts.CreateSchemaAsync(db);
            return (messaging, database);
        }
    }

    private static async Task<double> RawRateAsync(Run run, int messages)
    {
        var (messaging, _) = await run.IsolateAsync();
        return await RawBus.MeasureAsync(messaging, messages, Prefetch);
    }

    /// <summary>Publishes committed to the outbox by API-style scopes, then delivered by the delivery service
    /// to a counting consumer on a plain bus.</summary>
    private static async Task<(double Written, double Delivered)> OutboxRateAsync(Run run, int messages)
    {
        var (messaging, database) = await run.IsolateAsync();
        var counter = new ArrivalCounter(messages);
        using var receiver = RawBus.Build(messaging, counter, Prefetch);
        await receiver.StartAsync();

        using (var writer = Worker(messaging, database, ("Messaging:DeliveryEnabled", "false")))
        {
            await writer.StartAsync();
            var stopwatch = Stopwatch.StartNew();
            foreach (var chunk in Enumerable.Range(0, messages).Chunk(500))
            {
                await using var scope = writer.Services.CreateAsyncScope();
                var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
                foreach (var number in chunk)
                {
                    await publish.Publish(new Ping(number));
                }

                await scope.ServiceProvider.GetRequiredService<WorkerDbContext>().SaveChangesAsync();
            }

            var written = messages / stopwatch.Elapsed.TotalSeconds;
            await writer.StopAsync();

            using var deliverer = Worker(messaging, database);
            await deliverer.StartAsync();
            await counter.WaitAsync(TimeSpan.FromMinutes(5));
            await deliverer.StopAsync();
            await receiver.StopAsync();
            return (written, counter.Rate);
        }
    }

    private static async Task<double> SagaRateAsync(Run run, int sagas, int eventsPerSaga)
    {
        var (messaging, database) = await run.IsolateAsync();
        using var worker = Worker(messaging, database);
        await worker.StartAsync();
        var bus = worker.Services.GetRequiredService<IBus>();
        var total = sagas * eventsPerSaga;
        var counters = Enumerable.Range(0, sagas).Select(_ => NewId.NextGuid()).ToArray();
        var stopwatch = Stopwatch.StartNew();
        foreach (var chunk in counters.SelectMany(counter => Enumerable.Range(0, eventsPerSaga).Select(step => (counter, step))).Chunk(1_000))
        {
            await Task.WhenAll(chunk.Select(item => bus.Publish(new IncrementCounter(item.counter, item.step))));
        }

        await using var db = new WorkerDbContext(new DbContextOptionsBuilder<WorkerDbContext>().UseNpgsql(database).Options);
        await Eventually.ReachesAsync(() => db.Counters.SumAsync(counter => counter.Count), applied => applied >= total,
            TimeSpan.FromMinutes(10), "saga transitions applied", TimeSpan.FromMilliseconds(50));
        var rate = total / stopwatch.Elapsed.TotalSeconds;
        await worker.StopAsync();
        return rate;
    }

    public sealed record Lateness(int Timers, double ScheduledPerSecond, double[] Delivery, double[] Consumed);

    /// <summary>Timers due evenly over ten seconds; lateness when the delivery service handed each to the broker,
    /// and when its consumer had committed it.</summary>
    private static async Task<Lateness> TimerLatenessAsync(Run run, int timers)
    {
        var (messaging, database) = await run.IsolateAsync();
        var delivery = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Name == "outbox.timer_lateness")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (delivery)
            {
                delivery.Add(value);
            }
        });
        listener.Start();

        using var worker = Worker(messaging, database);
        await worker.StartAsync();
        var start = DateTime.UtcNow.AddSeconds(15);
        var spacing = TimeSpan.FromSeconds(10) / timers;
        var stopwatch = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, timers).Chunk(1_000))
        {
            await using var scope = worker.Services.CreateAsyncScope();
            var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
            foreach (var index in chunk)
            {
                await scheduler.ScheduleSend(new Uri("queue:timer-fired"), start + index * spacing, new TimerFired(NewId.NextGuid()));
            }

            await scope.ServiceProvider.GetRequiredService<WorkerDbContext>().SaveChangesAsync();
        }

        var scheduledPerSecond = timers / stopwatch.Elapsed.TotalSeconds;
        if (DateTime.UtcNow > start)
        {
            Console.Error.WriteLine("warning: scheduling took longer than the lead time; early timers are late by construction");
        }

        await using var db = new WorkerDbContext(new DbContextOptionsBuilder<WorkerDbContext>().UseNpgsql(database).Options);
        await Eventually.ReachesAsync(() => db.TimerFirings.CountAsync(), fired => fired >= timers, TimeSpan.FromMinutes(5), "timers fired",
            TimeSpan.FromMilliseconds(200));
        var consumed = await db.TimerFirings.Select(firing => new { firing.ReceivedAt, firing.ScheduledFor }).ToListAsync();
        await worker.StopAsync();
        lock (delivery)
        {
            return new(timers, scheduledPerSecond, [.. delivery.Order()],
                [.. consumed.Select(firing => (firing.ReceivedAt - firing.ScheduledFor!.Value).TotalMilliseconds).Order()]);
        }
    }

    private static IHost Worker(string messaging, string database, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = messaging,
            ["ConnectionStrings:database"] = database,
            ["Messaging:PrefetchCount"] = Prefetch.ToString(),
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return TestHosts.Build(TestHosts.Worker, all);
    }

    private static string Report(int messages, int timers, double raw, double rawAfter, double written, double delivered,
        double contended, double creating, Lateness lateness)
    {
        var rawMean = (raw + rawAfter) / 2;
        string Row(string what, double rate, string note) => $"| {what} | {rate:N0} /s | {rate / rawMean:P0} | {note} |";
        string Latency(string what, double[] values)
        {
            var latency = Percentiles.Of(values);
            return $"| {what} | {latency.P50:N0} ms | {latency.P99:N0} ms | {latency.Max:N0} ms | {latency.Count:N0} |";
        }

        var report = new StringBuilder();
        report.AppendLine($"Machine: {Machine.Describe()}");
        report.AppendLine();
        report.AppendLine("| measurement | rate | of raw (mean of both raw runs) | notes |");
        report.AppendLine("|---|---|---|---|");
        report.AppendLine(Row("raw MassTransit publish+consume, first run", raw, $"{messages:N0} messages, publisher confirms, prefetch {Prefetch}, counting consumer"));
        report.AppendLine(Row("raw MassTransit publish+consume, last run", rawAfter, "the same at the end of the run: the spread shows the machine's noise"));
        report.AppendLine(Row("outbox writes committed by API scopes", written, "500 publishes per SaveChanges"));
        report.AppendLine(Row("outbox delivery", delivered, $"{messages:N0} committed messages handed to the broker and counted by the same consumer"));
        report.AppendLine(Row("saga transitions, 25 concurrent events per saga", contended, "200 sagas; inbox + xmin conflicts + retries + outbox per event"));
        report.AppendLine(Row("saga transitions, one event creating each saga", creating, "5,000 sagas"));
        report.AppendLine();
        report.AppendLine($"Timers: {timers:N0} due evenly over 10 s (scheduled at {lateness.ScheduledPerSecond:N0}/s through API scopes).");
        report.AppendLine();
        report.AppendLine("| timer lateness | p50 | p99 | max | timers |");
        report.AppendLine("|---|---|---|---|---|");
        report.AppendLine(Latency("handed to the broker (delivery service)", lateness.Delivery));
        report.AppendLine(Latency("consumed and committed (consumer)", lateness.Consumed));
        return report.ToString();
    }
}
