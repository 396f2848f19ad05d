namespace Triage.Domain.Knowledge;

/// <summary>What a case shares with others that can make a pattern.</summary>
public enum PatternKind
{
    ErrorSignature,
    Release,
    ProductArea,
}

/// <summary>One escalation as pattern detection sees it: when it was submitted and what it could share.</summary>
public sealed record Occurrence(Guid EscalationId, string TenantId, DateTimeOffset At, string? Signature, string? ProductArea, string? Release);

public sealed record PatternKey(PatternKind Kind, string Value);

/// <summary>A pattern found: what the cases share and which cases they are (the newest last).</summary>
public sealed record Pattern(PatternKey Key, IReadOnlyList<Guid> Escalations);

/// <summary>A tenant's pattern rule: <see cref="Count"/> escalations sharing a key within <see cref="Window"/> are one
/// problem (SPEC section 4: 5 in 60 minutes by default), for the kinds of key the tenant has switched on.</summary>
public sealed record PatternSettings(int Count, TimeSpan Window, IReadOnlySet<PatternKind> Kinds)
{
    public static PatternSettings Default { get; } = new(5, TimeSpan.FromMinutes(60), new HashSet<PatternKind>(Enum.GetValues<PatternKind>()));
}

/// <summary>Finds a pattern among a tenant's recent escalations once a new one arrives: the cases of the same tenant
/// sharing one of its keys and submitted within the window that ends at the new case (both ends included), itself
/// counted. An error signature is more specific than a release, and a release more than a product area, so that order
/// decides when more than one key reaches the count.</summary>
public static class PatternDetector
{
    public static IReadOnlyList<PatternKey> KeysOf(Occurrence occurrence, IReadOnlySet<PatternKind> kinds)
    {
        var keys = new List<PatternKey>();
        if (kinds.Contains(PatternKind.ErrorSignature) && !string.IsNullOrEmpty(occurrence.Signature))
        {
            keys.Add(new(PatternKind.ErrorSignature, occurrence.Signature));
        }

        if (kinds.Contains(PatternKind.Release) && !string.IsNullOrWhiteSpace(occurrence.Release))
        {
            keys.Add(new(PatternKind.Release, occurrence.Release.Trim().ToLowerInvariant()));
        }

        if (kinds.Contains(PatternKind.ProductArea) && !string.IsNullOrWhiteSpace(occurrence.ProductArea))
        {
            keys.Add(new(PatternKind.ProductArea, occurrence.ProductArea.Trim().ToLowerInvariant()));
        }

        return keys;
    }

    public static Pattern? Detect(IEnumerable<Occurrence> recent, Occurrence incoming, PatternSettings settings)
    {
        var window = recent.ToList();
        return KeysOf(incoming, settings.Kinds).Select(key => Sharing(window, incoming, settings, key)).FirstOrDefault(pattern => pattern is not null);
    }

    /// <summary>The pattern the new case completes on one of its keys, or null.</summary>
    public static Pattern? Sharing(IEnumerable<Occurrence> recent, Occurrence incoming, PatternSettings settings, PatternKey key)
    {
        var from = incoming.At - settings.Window;
        var sharing = recent.Where(other => other.TenantId == incoming.TenantId && other.EscalationId != incoming.EscalationId
                && other.At >= from && other.At <= incoming.At && KeysOf(other, settings.Kinds).Contains(key))
            .OrderBy(other => other.At).Select(other => other.EscalationId).Distinct().ToList();
        return sharing.Count + 1 >= settings.Count ? new(key, [.. sharing, incoming.EscalationId]) : null;
    }
}
