namespace Triage.Domain.Knowledge;

public enum ChangeKind
{
    /// <summary>A release or deployment of software.</summary>
    Deployment,

    /// <summary>Any other change: configuration, infrastructure, a feature flag.</summary>
    Change,
}

/// <summary>A change as a partner posts it (every field optional, so each problem can be named).</summary>
public sealed record ChangeEventDraft(
    string? Summary = null, string? Kind = null, string? Source = null, string? ProductArea = null, string? Release = null,
    DateTimeOffset? At = null, string? Link = null);

/// <summary>A checked change: what changed, where (product area, release), when, and where to read more.</summary>
public sealed record ChangeEvent(string Summary, ChangeKind Kind, string? Source, string? ProductArea, string? Release, DateTimeOffset At, string? Link);

/// <summary>Checks a posted change. Its time may be left out (it happened as it was posted) and may lie in the past (a
/// deployment reported afterwards), but not more than <see cref="MaxFuture"/> ahead (a clock off by a moment): a change
/// cannot explain a problem before it happens.</summary>
public static class ChangeEvents
{
    public const int MaxSummary = 1_024;
    public const int MaxShort = 255;
    public const int MaxLink = 2_048;
    public static readonly TimeSpan MaxFuture = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxPast = TimeSpan.FromDays(90);

    public static (ChangeEvent? Change, IReadOnlyDictionary<string, string> Problems) Check(ChangeEventDraft draft, DateTimeOffset now)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var summary = TextField.Read(draft.Summary, "summary", MaxSummary, required: true, multiline: false, problems);
        var source = TextField.Read(draft.Source, "source", MaxShort, required: false, multiline: false, problems);
        var area = TextField.Read(draft.ProductArea, "productArea", MaxShort, required: false, multiline: false, problems);
        var release = TextField.Read(draft.Release, "release", MaxShort, required: false, multiline: false, problems);
        var kind = ChangeKind.Change;
        switch (draft.Kind)
        {
            case null or "change":
                break;
            case "deployment":
                kind = ChangeKind.Deployment;
                break;
            default:
                problems["kind"] = "one of deployment, change";
                break;
        }

        var at = draft.At ?? now;
        if (at > now + MaxFuture)
        {
            problems["at"] = $"not more than {MaxFuture.TotalMinutes:0} minutes ahead of now: a change is reported when it happens or after";
        }
        else if (at < now - MaxPast)
        {
            problems["at"] = $"within the last {MaxPast.TotalDays:0} days";
        }

        var link = TextField.Read(draft.Link, "link", MaxLink, required: false, multiline: false, problems);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            problems["link"] = "an absolute http or https address";
        }

        return problems.Count > 0 ? (null, problems) : (new ChangeEvent(summary!, kind, source, area, release, at, link), problems);
    }
}

/// <summary>Which changes may explain a problem or a case: those of its product area or release made within
/// <see cref="Window"/> before it was first seen (both ends included), newest first. A change names where it happened;
/// one that names neither area nor release is not guessed at.</summary>
public static class ChangeCorrelation
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);

    public static IReadOnlyList<T> Before<T>(IEnumerable<T> changes, Func<T, ChangeEvent> read, string? productArea, string? release, DateTimeOffset firstSeen) =>
        [.. changes.Where(change => read(change) is var c && c.At <= firstSeen && c.At >= firstSeen - Window
                && (Same(c.ProductArea, productArea) || Same(c.Release, release)))
            .OrderByDescending(change => read(change).At)];

    private static bool Same(string? one, string? other) =>
        !string.IsNullOrWhiteSpace(one) && !string.IsNullOrWhiteSpace(other) && string.Equals(one.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase);
}
