namespace EscalationPlatform.Web.Facts;

/// <summary>What a link or a time in case facts may be. Links are shown to support people as clickable: only web
/// links (http, https) are safe to click, never javascript:, data: or file:. Times are checked against the time
/// of the request: a case cannot have been seen in the future, and a date decades away is a typo.</summary>
public static class FactChecks
{
    /// <summary>How far a caller's clock may be ahead of ours.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How long before the request a deadline may lie (a case raised after its deadline passed).</summary>
    public static readonly TimeSpan DeadlinePast = TimeSpan.FromDays(30);

    public const int YearsAway = 10;

    public static bool IsWebLink(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    /// <summary>When something was seen: not in the future (beyond clock skew), not more than ten years ago.</summary>
    public static bool IsObservedTime(DateTimeOffset at, DateTimeOffset now) => at <= now + ClockSkew && at >= now.AddYears(-YearsAway);

    public static bool IsDeadline(DateTimeOffset at, DateTimeOffset now) => at >= now - DeadlinePast && at <= now.AddYears(YearsAway);
}
