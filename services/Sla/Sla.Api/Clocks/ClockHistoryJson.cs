using System.Text.Json;
using Sla.Domain;

namespace Sla.Api.Clocks;

/// <summary>The clock history as stored: [{ "type": "paused", "at": "2026-11-27T10:00:00+00:00" }, …].</summary>
public static class ClockHistoryJson
{
    private sealed record Entry(string Type, DateTimeOffset At);

    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(CaseOpened)] = "opened",
        [typeof(FirstResponded)] = "first-responded",
        [typeof(CustomerUpdated)] = "customer-updated",
        [typeof(Paused)] = "paused",
        [typeof(Resumed)] = "resumed",
        [typeof(Resolved)] = "resolved",
        [typeof(Reopened)] = "reopened",
        [typeof(Ended)] = "ended",
    };

    public static List<ClockEvent> Read(string json) =>
        [.. JsonSerializer.Deserialize<List<Entry>>(json, JsonSerializerOptions.Web)!.Select(entry => Create(entry.Type, entry.At))];

    public static string Write(IEnumerable<ClockEvent> history) =>
        JsonSerializer.Serialize(history.Select(e => new Entry(Names[e.GetType()], e.At)), JsonSerializerOptions.Web);

    private static ClockEvent Create(string type, DateTimeOffset at) => type switch
    {
        "opened" => new CaseOpened(at),
        "first-responded" => new FirstResponded(at),
        "customer-updated" => new CustomerUpdated(at),
        "paused" => new Paused(at),
        "resumed" => new Resumed(at),
        "resolved" => new Resolved(at),
        "reopened" => new Reopened(at),
        "ended" => new Ended(at),
        _ => throw new InvalidDataException($"Unknown clock event '{type}'."),
    };
}
