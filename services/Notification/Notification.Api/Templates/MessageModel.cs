using System.Globalization;
using Notification.Api.Projections;
using Notification.Domain;

namespace Notification.Api.Templates;

/// <summary>What an event says, by the names templates use after "event." (<see cref="TemplateVariables"/>): text,
/// numbers, lists, and times (given to each recipient in their own time zone).</summary>
public sealed class EventFacts : Dictionary<string, object?>
{
    public EventFacts() : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>The values a template renders with, for one recipient: the case, the recipient, the event. A notice about
/// no case (a problem's, without an escalation) has empty case values.</summary>
public static class MessageModel
{
    public static IReadOnlyDictionary<string, object?> For(EscalationProjection? escalation, Notice notice, EventFacts facts, string link, string timeZone,
        Func<string, string>? escape = null)
    {
        string? Text(string? value) => value is null ? null : escape is null ? value : escape(value);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var @event = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = NoticeEvents.Name(notice.Event) };
        foreach (var (name, value) in facts)
        {
            @event[name] = value switch
            {
                DateTimeOffset at => Text(Local(at, zone)),
                string text => Text(text),
                IEnumerable<string> items => items.Select(item => Text(item)).ToList(),
                _ => value,
            };
        }

        if (facts.TryGetValue("due", out var due) && due is DateTimeOffset dueAt)
        {
            @event["due_utc"] = Utc(dueAt);
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["case"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["key"] = Text(escalation?.Key),
                ["title"] = Text(escalation?.Title),
                ["severity"] = escalation is null ? null : escalation.Severity?.ToString() ?? "severity pending",
                ["status"] = escalation is null ? null : Text(Wire(escalation.Status.ToString())),
                ["customer"] = Text(escalation?.CustomerName),
                ["team"] = Text(escalation?.TeamName),
                ["owner"] = Text(escalation?.OwnerName),
                ["link"] = escalation is null ? null : link,
            },
            ["recipient"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = Text(notice.Name ?? (notice.Audience == Audience.Customer && escalation is not null ? escalation.CustomerName : notice.Recipient)),
                ["role"] = Wire(notice.Audience.ToString()),
                ["time_zone"] = zone.Id,
            },
            ["event"] = @event,
        };
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-28 22:49 Europe/Berlin (2026-11-28T21:49:26Z)"; UTC alone in UTC.</summary>
    public static string Local(DateTimeOffset at, TimeZoneInfo zone) => zone == TimeZoneInfo.Utc
        ? Utc(at)
        : $"{TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone.Id} ({Utc(at)})";

    /// <summary>"OwnerOrTeamLead" as the API writes it: "owner-or-team-lead".</summary>
    public static string Wire(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
