using EscalationPlatform.Harness;

namespace Benchmarks.Platform;

/// <summary>How many messages the services consumed: every consumed message leaves one inbox row in its consumer's
/// database (kept for two days), so the growth across a run, divided by the escalations, is the messages one
/// escalation costs; the raw bus rate divided by that is the pipeline's ceiling.</summary>
public static class ConsumedMessages
{
    public static Task<long> CountAsync(PlatformHost host) => PlatformDatabases.SumAsync(host, "SELECT count(*) FROM inbox_message");
}
