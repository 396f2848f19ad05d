using MassTransit;

namespace EscalationPlatform.Messaging.Scheduling;

/// <summary>Headers a fired timer carries: when it was due, and by how much it was late when the service was
/// not running at that moment (a timer that comes due while its service is down fires on recovery).</summary>
public static class TimerHeaders
{
    public const string ScheduledFor = "EP-Scheduled-For";
    public const string LateByMilliseconds = "EP-Late-By-Ms";

    /// <summary>How late this timer fired, when it fired later than the lateness threshold; otherwise null.</summary>
    public static TimeSpan? FiredLateBy(this ConsumeContext context) =>
        context.Headers.Get<long>(LateByMilliseconds) is { } milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null;

    public static DateTime? ScheduledTime(this ConsumeContext context) =>
        context.Headers.Get<string>(ScheduledFor) is { } text && DateTime.TryParse(text, null, System.Globalization.DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null;
}
