using System.Text;
using Aspire.Hosting.Testing;
using Benchmarks.Messaging;
using Benchmarks.Platform;
using EscalationPlatform.Harness;
using EscalationPlatform.Harness.Load;

namespace Benchmarks.Load;

/// <summary>./bench.sh load [--rate N | --clients N] [--duration S] [--replicas N] [--patience S]: varied escalations through the
/// gateway at a constant arrival rate (open loop, the default: 150/s) or from N closed-loop clients; then, once the
/// pipeline is quiet, the audit of every accepted case and its end-to-end latency from the record's timeline.</summary>
public static class LoadBenchmark
{
    private const string Tenant = "load";
    private const int RawMessages = 10_000; // a few seconds on the platform's broker, once the audit is done
    private const ushort Prefetch = 32; // the platform's Messaging:PrefetchCount default
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20); // the warm-up's code is recompiled (tier 1) in the background for a while

    public sealed record Result(
        string Machine, string Mode, double Offered, double DurationSeconds, int Replicas, int Sent, double AcceptedPerSecond,
        Dictionary<string, int> Statuses, Percentiles IntakeLatency, Percentiles SubmissionToOwned, double PipelinePerSecond,
        AuditReport Audit, IReadOnlyList<ServiceMemory.Usage> Memory, double MessagesPerEscalation, EscalationCost Cost);

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Arguments.Int(args, "--clients", 0);
        var rate = Arguments.Number(args, "--rate", 150);
        var duration = TimeSpan.FromSeconds(Arguments.Int(args, "--duration", 60));
        var replicas = Arguments.Int(args, "--replicas", 1);

        await using var host = await BenchPlatform.StartAsync([Tenant], replicas);
        var key = await host.PartnerKeyAsync(Tenant, "bench");
        using var load = new LoadDriver(host.Endpoint("gateway"), key, new CaseMix($"load-{Guid.NewGuid():N}"[..13]));
        await using var memory = new ServiceMemory(host.Processes);

        var mode = clients > 0 ? $"{clients} closed-loop clients" : $"{rate:0.#}/s open loop";
        Console.Error.WriteLine($"Load: {mode} for {duration.TotalSeconds:0} s...");
        await InboxBreakdown.InstallAsync(host);
        var cpu = new PlatformCpu(host);
        var idle = await IdleAsync(host, cpu);
        var consumedBefore = await ConsumedMessages.CountAsync(host);
        memory.Start();
        var cpuBefore = cpu.Snapshot();
        var started = DateTimeOffset.UtcNow;
        if (clients > 0)
        {
            await load.RunClosedLoopAsync(clients, duration, CancellationToken.None);
        }
        else
        {
            await load.RunAtRateAsync(rate, duration, CancellationToken.None);
        }

        var elapsed = DateTimeOffset.UtcNow - started;
        Console.Error.WriteLine("Waiting for the pipeline to go quiet, then auditing...");
        var patience = TimeSpan.FromSeconds(Arguments.Int(args, "--patience", 900));
        await PipelineQuiet.WaitAsync(host, patience);
        var cpuAfter = cpu.Snapshot();
        var quiet = DateTimeOffset.UtcNow;
        var consumedInWindow = await InboxBreakdown.ReadAsync(host, started.UtcDateTime, quiet.UtcDateTime);
        var deferred = await PipelineQuiet.DeferredOutboxRowsAsync(host);
        using var gateway = host.PartnerClient(key);
        var audit = await new PipelineAudit(gateway, mail: null).RunAsync(load.Results, patience, CancellationToken.None);
        var usage = await memory.StopAsync();
        var consumed = await ConsumedMessages.CountAsync(host) - consumedBefore;
        Console.Error.WriteLine("Raw MassTransit rate on the same broker...");
        var raw = await RawBus.MeasureAsync(await host.App.GetConnectionStringAsync("messaging") ?? "", RawMessages, Prefetch);
        var cost = new EscalationCost(
            (quiet - started).TotalSeconds, audit.Escalations, PlatformCpu.Between(cpuBefore, cpuAfter), idle, consumedInWindow, deferred, raw);

        var results = load.Results;
        var result = new Result(
            Machine.Describe(), mode, clients > 0 ? clients : rate, elapsed.TotalSeconds, replicas, results.Count,
            results.Count(sent => sent.Status == 202) / elapsed.TotalSeconds,
            load.AnswersByStatus(),
            Percentiles.Of(results.Where(sent => sent.Status != 0).Select(sent => sent.LatencyMs)),
            audit.SubmissionToOwned, audit.PipelinePerSecond, audit, usage, audit.Escalations == 0 ? 0 : (double)consumed / audit.Escalations, cost);
        await BenchmarkOutput.WriteAsync(args, "load", result, Markdown(result));
        return audit.Clean ? 0 : 1;
    }

    /// <summary>CPU per process group at rest (once the warm-up's cases are done and its code recompiled), over a few
    /// seconds before the load: in cores.</summary>
    private static async Task<IReadOnlyList<PlatformCpu.Usage>> IdleAsync(PlatformHost host, PlatformCpu cpu)
    {
        await PipelineQuiet.WaitAsync(host, TimeSpan.FromMinutes(5));
        await Task.Delay(Settle);
        var before = cpu.Snapshot();
        await Task.Delay(IdleWindow);
        return [.. PlatformCpu.Between(before, cpu.Snapshot()).Select(usage => usage with { Seconds = usage.Seconds / IdleWindow.TotalSeconds })];
    }

    private static string Markdown(Result result)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Load: {result.Mode}, {result.DurationSeconds:0} s, {result.Replicas} replica(s) of each service");
        text.AppendLine();
        text.AppendLine($"Machine: {result.Machine}");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| submissions sent | {result.Sent:N0} |");
        text.AppendLine($"| accepted (202) per second | {result.AcceptedPerSecond:N1} |");
        text.AppendLine($"| answers by status | {string.Join(", ", result.Statuses.Select(status => $"{status.Key}: {status.Value:N0}"))} |");
        text.AppendLine($"| intake latency through the gateway | {result.IntakeLatency} |");
        text.AppendLine($"| submission to owned and on the clock | {result.SubmissionToOwned} |");
        text.AppendLine($"| pipeline throughput (cases fully processed per second) | {result.PipelinePerSecond:N1} |");
        text.AppendLine($"| messages consumed per escalation (inbox rows) | {result.MessagesPerEscalation:N1} |");
        text.AppendLine($"| audit: lost / duplicated / stuck / repeated steps | {result.Audit.Lost} / {result.Audit.Duplicated} / {result.Audit.Stuck} / {result.Audit.RepeatedTransitions} |");
        text.AppendLine($"| audit: notifications undelivered / duplicated | {result.Audit.UndeliveredNotifications} / {result.Audit.DuplicatedNotifications} |");
        text.AppendLine();
        text.AppendLine("| service | peak working set | mean working set |");
        text.AppendLine("|---|---|---|");
        foreach (var usage in result.Memory.OrderBy(usage => usage.Service))
        {
            text.AppendLine($"| {usage.Service} | {usage.PeakMiB:N0} MiB | {usage.MeanMiB:N0} MiB |");
        }

        text.AppendLine();
        text.Append(result.Cost.Markdown());
        foreach (var finding in result.Audit.Findings.Take(10))
        {
            text.AppendLine($"- {finding}");
        }

        return text.ToString();
    }
}
