using EscalationPlatform.Harness;

namespace Benchmarks.Platform;

/// <summary>Waits, with cheap direct SQL only, until the pipeline has gone quiet after a load: no outbox row due in
/// any database and the number of consumed messages unchanged over three polls half a second apart. Timers due
/// later (acknowledgement windows, thresholds) stay in the outbox and are not waited for.</summary>
public static class PipelineQuiet
{
    public static async Task<long> DeferredOutboxRowsAsync(PlatformHost host) =>
        await PlatformDatabases.SumAsync(host, "SELECT count(*) FROM outbox_message WHERE due_at > now()");

    public static async Task WaitAsync(PlatformHost host, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        long? lastConsumed = null;
        var unchanged = 0;
        while (unchanged < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var due = await PlatformDatabases.SumAsync(host, "SELECT count(*) FROM outbox_message WHERE due_at <= now()");
            var consumed = await ConsumedMessages.CountAsync(host);
            unchanged = due == 0 && consumed == lastConsumed ? unchanged + 1 : 0;
            lastConsumed = consumed;
        }
    }
}
