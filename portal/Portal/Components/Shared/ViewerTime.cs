using System.Globalization;
using Microsoft.JSInterop;

namespace EscalationPlatform.Portal.Components.Shared;

public enum DueUrgency
{
    Later,
    Soon,
    Past,
}

/// <summary>Times for one viewer (one circuit): in their browser's time zone once it is known (UTC until then), with
/// how far from now. A due time within <see cref="Soon"/> is amber, a past one red.</summary>
public sealed class ViewerTime(TimeProvider clock)
{
    public static readonly TimeSpan Soon = TimeSpan.FromMinutes(15);

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Asks the browser for its zone once; an unknown zone keeps UTC.</summary>
    public async Task LoadAsync(IJSRuntime js)
    {
        if (Zone != TimeZoneInfo.Utc)
        {
            return;
        }

        var id = await js.InvokeAsync<string?>("portalTimeZone");
        if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            Zone = zone;
        }
    }

    public string Local(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var format = local.Date == TimeZoneInfo.ConvertTime(Now, Zone).Date ? "HH:mm" : "d MMM HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public string Relative(DateTimeOffset at)
    {
        var span = at - Now;
        var words = Length(span.Duration());
        return span >= TimeSpan.Zero ? $"in {words}" : $"{words} ago";
    }

    /// <summary>A length of time in words: "less than a minute", "4 min", "2 h 5 min", "3 d 1 h".</summary>
    public static string Length(TimeSpan size) =>
        size < TimeSpan.FromMinutes(1) ? "less than a minute"
        : size < TimeSpan.FromHours(1) ? $"{(int)size.TotalMinutes} min"
        : size < TimeSpan.FromDays(1) ? $"{(int)size.TotalHours} h {size.Minutes} min"
        : $"{(int)size.TotalDays} d {size.Hours} h";

    public DueUrgency Urgency(DateTimeOffset due) =>
        due <= Now ? DueUrgency.Past : due - Now <= Soon ? DueUrgency.Soon : DueUrgency.Later;
}
