using System.Diagnostics.Metrics;
using EscalationPlatform.ServiceDefaults;

namespace Intake.Api.Caching;

/// <summary>What the read cache counts, under the platform's meter; tagged with the kind of read (record or list).</summary>
internal static class ReadCacheTelemetry
{
    private static readonly Meter Meter = new(OpenTelemetryExtensions.PlatformSource);

    public static readonly Counter<long> Hits = Meter.CreateCounter<long>("intake.read_cache.hits", "{read}",
        "Reads answered from intake's read cache.");

    public static readonly Counter<long> Misses = Meter.CreateCounter<long>("intake.read_cache.misses", "{read}",
        "Reads that went to the database: not cached, invalidated, or the cache's listener not connected.");

    public static readonly KeyValuePair<string, object?> Record = new("kind", "record");

    public static readonly KeyValuePair<string, object?> List = new("kind", "list");
}
