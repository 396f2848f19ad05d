using System.Text;
using Benchmarks.Platform;
using EscalationPlatform.Harness;

namespace Benchmarks.Load;

/// <summary>What an escalation costs, measured over the window from the start of the load until the pipeline is
/// quiet (before the audit's reads): CPU per process group and per escalation, the messages consumed by endpoint
/// and type, and the raw MassTransit rate of the same broker measured right after, so the figures read as ratios.</summary>
public sealed record EscalationCost(
    double WindowSeconds, int Escalations, IReadOnlyList<PlatformCpu.Usage> Cpu, IReadOnlyList<PlatformCpu.Usage> IdleCores,
    IReadOnlyList<InboxBreakdown.Row> Consumed, long DeferredOutboxRows, double RawBusPerSecond)
{
    public double PlatformCpuSeconds => Cpu.Where(usage => usage.IsPlatform).Sum(usage => usage.Seconds);

    public double IdlePlatformCores => IdleCores.Where(usage => usage.IsPlatform).Sum(usage => usage.Seconds);

    public double CpuMsPerEscalation => PerEscalation(PlatformCpuSeconds * 1000);

    /// <summary>Without what the platform burns at idle (outbox polls, health probes, heartbeats) over the window.</summary>
    public double CpuMsPerEscalationAboveIdle => PerEscalation((PlatformCpuSeconds - IdlePlatformCores * WindowSeconds) * 1000);

    public double MessagesPerEscalation => PerEscalation(Consumed.Sum(row => row.Count));

    /// <summary>The share of the raw bus rate the pipeline's consumed messages used while it ran.</summary>
    public double ShareOfRawBus => RawBusPerSecond == 0 ? 0 : Consumed.Sum(row => row.Count) / WindowSeconds / RawBusPerSecond;

    private double PerEscalation(double value) => Escalations == 0 ? 0 : value / Escalations;

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"#### Cost per escalation: {Escalations:N0} escalations completed in a {WindowSeconds:N1} s window (load start to pipeline quiet)");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| platform CPU per escalation (services, gateway, PostgreSQL, RabbitMQ, Redis) | {CpuMsPerEscalation:N1} ms ({CpuMsPerEscalationAboveIdle:N1} ms above idle) |");
        text.AppendLine($"| platform CPU at idle, before the load | {IdlePlatformCores * 100:N0} % of one core |");
        text.AppendLine($"| raw MassTransit publish+consume, same broker, after the run | {RawBusPerSecond:N0} msg/s |");
        text.AppendLine($"| messages consumed per escalation in the window | {MessagesPerEscalation:N1} ({ShareOfRawBus:P0} of the raw rate used) |");
        text.AppendLine($"| outbox rows deferred past the window (timers) | {DeferredOutboxRows:N0} |");
        text.AppendLine();
        text.AppendLine("| process group | CPU s | % of one core | ms per escalation | at idle before, % of one core |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var usage in Cpu)
        {
            var name = usage.IsPlatform ? usage.Group : $"_{usage.Group} (not platform)_";
            text.AppendLine($"| {name} | {usage.Seconds:N1} | {usage.Seconds / WindowSeconds * 100:N0} % | {PerEscalation(usage.Seconds * 1000):N1} | {IdleCores.FirstOrDefault(idle => idle.Group == usage.Group)?.Seconds * 100:N0} % |");
        }

        text.AppendLine($"| **platform total** | {PlatformCpuSeconds:N1} | {PlatformCpuSeconds / WindowSeconds * 100:N0} % | **{CpuMsPerEscalation:N1}** | {IdlePlatformCores * 100:N0} % |");
        text.AppendLine();
        text.AppendLine("| database | endpoint | message type | consumed | per escalation |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var row in Consumed)
        {
            text.AppendLine($"| {row.Database} | {row.Endpoint} | {row.MessageType} | {row.Count:N0} | {PerEscalation(row.Count):N2} |");
        }

        return text.ToString();
    }
}
