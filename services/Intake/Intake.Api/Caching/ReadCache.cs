using Intake.Api.Changes;
using Intake.Api.Records;
using Intake.Api.Views;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Intake.Api.Caching;

/// <summary>Records (by id) and queue pages (by tenant and query) as the database last answered them, bounded by
/// <see cref="ReadCacheOptions.SizeLimit"/>, and valid only while every change is heard of: a notification from the
/// database (<see cref="EscalationChangeListener"/>) or a local commit (<see cref="ReadCacheInvalidator"/>) invalidates the
/// record and its tenant's pages. While the listener is not connected nothing is served or kept, and on (re)connect
/// everything is dropped: notifications may have been missed. The cache decides no visibility: callers check the
/// tenant and customer of what it answers.</summary>
public sealed class ReadCache : IEscalationChangeObserver, IDisposable
{
    private const int Stripes = 4096;

    private readonly MemoryCache _entries;
    private readonly bool _enabled;
    private readonly Lock _connection = new();

    // Invalidation counters, striped by record id and by tenant (two records or tenants sharing a stripe only cost a
    // miss). A read stamps the counter of its stripe before it queries; its result is kept only if no invalidation
    // came since, and served only while the counter still has that value. Without this, a read that started before a
    // change and finished after the change's invalidation would put the old data back, served until the next change.
    // Checking again on every hit (not only before the insert) closes the gap between that check and the insert.
    private readonly long[] _records = new long[Stripes];
    private readonly long[] _tenants = new long[Stripes];

    // Bumped whenever the listener connects or is lost: nothing read in an earlier epoch is kept or served.
    private long _epoch;
    private volatile bool _listening;

    public ReadCache(IOptions<ReadCacheOptions> options)
    {
        _enabled = options.Value.Enabled;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimit });
    }

    /// <summary>Whether reads may be answered from the cache: the listener is connected.</summary>
    public bool Serving => _enabled && _listening;

    /// <summary>Before a record is queried: what <see cref="PutRecord"/> needs to know whether it is still current.</summary>
    public ReadStamp BeginRecordRead(Guid id) => new(Volatile.Read(ref _epoch), Volatile.Read(ref _records[Stripe(id)]));

    /// <summary>Before a queue page is queried.</summary>
    public ReadStamp BeginListRead(string tenant) => new(Volatile.Read(ref _epoch), Volatile.Read(ref _tenants[Stripe(tenant)]));

    public bool TryGetRecord(Guid id, out CachedRecord record)
    {
        if (Serving && _entries.Get(id) is Entry<CachedRecord> entry && Current(entry, Volatile.Read(ref _records[Stripe(id)])))
        {
            ReadCacheTelemetry.Hits.Add(1, ReadCacheTelemetry.Record);
            record = entry.Value;
            return true;
        }

        ReadCacheTelemetry.Misses.Add(1, ReadCacheTelemetry.Record);
        record = null!;
        return false;
    }

    /// <summary>Keeps a record read since <paramref name="stamp"/>, unless it was invalidated meanwhile.</summary>
    public void PutRecord(ReadStamp stamp, EscalationRecord record, IReadOnlyList<TimelineEntry> timeline)
    {
        if (Keeps(stamp, Volatile.Read(ref _records[Stripe(record.CorrelationId)])))
        {
            Set(record.CorrelationId, new Entry<CachedRecord>(new CachedRecord(record, timeline), stamp), 1 + timeline.Count);
        }
    }

    public bool TryGetPage(ListKey key, out CachedPage page)
    {
        if (Serving && _entries.Get(key) is Entry<CachedPage> entry && Current(entry, Volatile.Read(ref _tenants[Stripe(key.Tenant)])))
        {
            ReadCacheTelemetry.Hits.Add(1, ReadCacheTelemetry.List);
            page = entry.Value;
            return true;
        }

        ReadCacheTelemetry.Misses.Add(1, ReadCacheTelemetry.List);
        page = null!;
        return false;
    }

    /// <summary>Keeps a queue page read since <paramref name="stamp"/>, unless its tenant's pages were invalidated meanwhile.</summary>
    public void PutPage(ReadStamp stamp, ListKey key, IReadOnlyList<EscalationLine> lines)
    {
        if (Keeps(stamp, Volatile.Read(ref _tenants[Stripe(key.Tenant)])))
        {
            Set(key, new Entry<CachedPage>(new CachedPage(lines), stamp), 1 + lines.Count);
        }
    }

    /// <summary>The record changed; with its <paramref name="tenant"/> (null when only its timeline grew), so did that
    /// tenant's queue pages.</summary>
    public void Invalidate(Guid id, string? tenant)
    {
        Interlocked.Increment(ref _records[Stripe(id)]);
        _entries.Remove(id);
        if (tenant is not null)
        {
            Interlocked.Increment(ref _tenants[Stripe(tenant)]); // the tenant's pages stop being served; they age out by size
        }
    }

    /// <summary>The listener is connected (again): notifications arrive from now on, any before may be lost.</summary>
    public void Listening()
    {
        lock (_connection)
        {
            Interlocked.Increment(ref _epoch);
            _entries.Clear();
            _listening = true;
        }
    }

    /// <summary>The listener lost its connection: changes go unheard until <see cref="Listening"/>.</summary>
    public void Lost()
    {
        lock (_connection)
        {
            _listening = false;
            Interlocked.Increment(ref _epoch);
            _entries.Clear();
        }
    }

    void IEscalationChangeObserver.Changed(Guid id, string? tenant) => Invalidate(id, tenant);

    public void Dispose() => _entries.Dispose();

    private bool Keeps(ReadStamp stamp, long version) => Serving && stamp.Epoch == Volatile.Read(ref _epoch) && stamp.Version == version;

    private bool Current<T>(Entry<T> entry, long version) => entry.Stamp.Epoch == Volatile.Read(ref _epoch) && entry.Stamp.Version == version;

    private void Set<T>(object key, Entry<T> entry, long size)
    {
        using var cached = _entries.CreateEntry(key);
        cached.Value = entry;
        cached.Size = size;
    }

    private static int Stripe(Guid id) => id.GetHashCode() & (Stripes - 1);

    private static int Stripe(string tenant) => StringComparer.Ordinal.GetHashCode(tenant) & (Stripes - 1);

    private sealed record Entry<T>(T Value, ReadStamp Stamp);
}

/// <summary>The invalidation state a read started from (see <see cref="ReadCache"/>).</summary>
public readonly record struct ReadStamp(long Epoch, long Version);
