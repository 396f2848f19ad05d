using System.Collections.Concurrent;

namespace EscalationPlatform.Messaging.Operations;

/// <summary>The queues this service consumes from, as configured: the operations surface only touches these
/// (and their _error queues).</summary>
public sealed class ReceiveEndpointNames
{
    private readonly ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    public void Add(string name) => _names.TryAdd(name, true);

    public IReadOnlyList<string> All => [.. _names.Keys.Order(StringComparer.Ordinal)];

    public bool Contains(string name) => _names.ContainsKey(name);
}
