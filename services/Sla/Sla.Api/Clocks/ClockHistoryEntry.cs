using Sla.Domain;

namespace Sla.Api.Clocks;

/// <summary>What kind of <see cref="ClockEvent"/> a history entry records (stored kebab-case: "first-responded").</summary>
public enum ClockEventKind
{
    Opened,
    FirstResponded,
    CustomerUpdated,
    Paused,
    Resumed,
    Resolved,
    Reopened,
    Ended,
}

/// <summary>One entry of the clock history as stored (a JSON column): { "Kind": "paused", "At": "2026-11-27T10:00:00+00:00" }.</summary>
public sealed record ClockHistoryEntry(ClockEventKind Kind, DateTimeOffset At)
{
    public static ClockHistoryEntry From(ClockEvent happened) => new(happened switch
    {
        CaseOpened => ClockEventKind.Opened,
        FirstResponded => ClockEventKind.FirstResponded,
        CustomerUpdated => ClockEventKind.CustomerUpdated,
        Paused => ClockEventKind.Paused,
        Resumed => ClockEventKind.Resumed,
        Resolved => ClockEventKind.Resolved,
        Reopened => ClockEventKind.Reopened,
        Ended => ClockEventKind.Ended,
        _ => throw new ArgumentOutOfRangeException(nameof(happened), happened, "Not a clock event the history records."),
    }, happened.At);

    public ClockEvent ToEvent() => Kind switch
    {
        ClockEventKind.Opened => new CaseOpened(At),
        ClockEventKind.FirstResponded => new FirstResponded(At),
        ClockEventKind.CustomerUpdated => new CustomerUpdated(At),
        ClockEventKind.Paused => new Paused(At),
        ClockEventKind.Resumed => new Resumed(At),
        ClockEventKind.Resolved => new Resolved(At),
        ClockEventKind.Reopened => new Reopened(At),
        ClockEventKind.Ended => new Ended(At),
        _ => throw new InvalidDataException($"Unknown clock event '{Kind}'."),
    };
}
