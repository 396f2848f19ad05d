using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Intake.Api.Changes;

/// <summary>Tells followers which escalations changed, as the database announced it (<see cref="EscalationChangeListener"/>):
/// a follower of a tenant hears of every change to its records, a follower of one escalation of that one only. A slow
/// follower loses its oldest ids, never blocks the feed: it is told to read everything again instead.</summary>
public sealed class ChangeFeed : IEscalationChangeObserver
{
    /// <summary>Ids a follower may fall behind by before it is told to read everything again.</summary>
    public const int Backlog = 256;

    private readonly ConcurrentDictionary<Follower, byte> _followers = new();

    public int Followers => _followers.Count;

    /// <summary>Stands for "your in-app feed has new entries" among a follower's changes (no escalation id is all ones:
    /// version 7 ids have their version bits).</summary>
    public static readonly Guid FeedMarker = Guid.AllBitsSet;

    public Follower Follow(string tenant, Guid? escalationId, string? person = null)
    {
        var follower = new Follower(this, tenant, escalationId, person);
        _followers.TryAdd(follower, 0);
        return follower;
    }

    /// <summary>A record changed; <paramref name="tenant"/> is null when only its timeline did (followers of that case hear it).</summary>
    public void Changed(Guid id, string? tenant)
    {
        foreach (var follower in _followers.Keys)
        {
            if (follower.EscalationId is { } followed ? followed == id : tenant == follower.Tenant)
            {
                follower.Offer(id);
            }
        }
    }

    /// <summary>The person's in-app feed has new entries: each of their followers hears it.</summary>
    public void FeedChanged(string tenant, string person)
    {
        foreach (var follower in _followers.Keys)
        {
            if (follower.Tenant == tenant && follower.Person == person)
            {
                follower.Offer(FeedMarker);
            }
        }
    }

    /// <summary>Changes may have been missed (the listener connected again): every follower reads everything again.</summary>
    public void Listening() => Resync();

    /// <summary>Changes go unheard: every follower reads everything again, and will once more when they are heard again.</summary>
    public void Lost() => Resync();

    private void Resync()
    {
        foreach (var follower in _followers.Keys)
        {
            follower.Offer(null);
        }
    }

    /// <summary>One follower's changes, in order: an id, or null for "read everything again".</summary>
    public sealed class Follower(ChangeFeed feed, string tenant, Guid? escalationId, string? person) : IDisposable
    {
        private readonly Channel<Guid?> _changes = Channel.CreateBounded<Guid?>(
            new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

        private int _overflowed;

        public string Tenant { get; } = tenant;

        public Guid? EscalationId { get; } = escalationId;

        /// <summary>The person following (their in-app feed's news comes too), or null.</summary>
        public string? Person { get; } = person;

        public ChannelReader<Guid?> Changes => _changes.Reader;

        /// <summary>Full (the follower is slow): what is dropped is unknown to it, so it will be told to read everything again.</summary>
        internal void Offer(Guid? id)
        {
            if (!_changes.Writer.TryWrite(id))
            {
                Volatile.Write(ref _overflowed, 1);
            }
        }

        /// <summary>Takes the next change; after an overflow, the "read everything" comes first.</summary>
        public bool TryTake(out Guid? change)
        {
            if (Interlocked.Exchange(ref _overflowed, 0) == 1)
            {
                while (_changes.Reader.TryRead(out _))
                {
                }

                change = null;
                return true;
            }

            return _changes.Reader.TryRead(out change);
        }

        public void Dispose() => feed._followers.TryRemove(this, out _);
    }
}
