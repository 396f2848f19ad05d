using System.Text.Json;
using System.Text.Json.Serialization;

namespace EscalationPlatform.Contracts;

/// <summary>How a history is written where it travels as JSON (escalation.intake.v1.Intake/ListHistory): the same
/// options on both sides, whatever each service's API writes.</summary>
public static class HistoryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>An escalation record changed: the record as it stands after the change, and the timeline entries the change
/// added. Intake publishes one per change, in the transaction that makes it; insights builds its read model from these
/// alone (and from intake's history over gRPC when it rebuilds), so both ways see the same record and the same
/// entries.</summary>
public sealed record EscalationRecordChanged
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required EscalationSnapshot Record { get; init; }

    public required IReadOnlyList<HistoryEntry> Entries { get; init; }

    /// <summary>When the change was decided: a reader keeps the newest record it has seen.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>What a reader of an escalation's history needs of the record: who and what it is about, where it stands now,
/// its clocks and how it was resolved.</summary>
public sealed record EscalationSnapshot
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public required EscalationStatus Status { get; init; }

    public Severity? Severity { get; init; }

    public required IssueType IssueType { get; init; }

    public string? ProductArea { get; init; }

    /// <summary>The release the customer runs, as frontline reported it (added).</summary>
    public string? Release { get; init; }

    public required string CustomerId { get; init; }

    public required string CustomerName { get; init; }

    public required CustomerTier CustomerTier { get; init; }

    /// <summary>The owning team, once offered.</summary>
    public TeamRef? Team { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>portal, partner, pagerduty-events or alertmanager.</summary>
    public required string Source { get; init; }

    /// <summary>Who handed the case in: a person's id, or "key:{id}" for a partner credential.</summary>
    public required string SubmittedBy { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When the problem was first seen or detected, as frontline reported it.</summary>
    public DateTimeOffset? FirstSeenAt { get; init; }

    /// <summary>How many actions frontline took before handing the case in.</summary>
    public int ActionsTaken { get; init; }

    /// <summary>Whether frontline said a workaround was available.</summary>
    public bool? WorkaroundAvailable { get; init; }

    /// <summary>The first error message frontline reported, as given.</summary>
    public string? ErrorMessage { get; init; }

    public IReadOnlyList<SlaClock> Clocks { get; init; } = [];

    public DateTimeOffset? NextUpdateDue { get; init; }

    /// <summary>fix or workaround, once resolved.</summary>
    public string? Resolution { get; init; }

    public bool Breached { get; init; }
}

/// <summary>One timeline entry: what happened, when, who did it, the status move if any, and the team that owned the
/// case after it (null on entries recorded before teams were kept with them).</summary>
public sealed record HistoryEntry(
    DateTimeOffset At,
    string What,
    ActorKind ActorKind,
    string ActorId,
    EscalationStatus? From = null,
    EscalationStatus? To = null,
    string? TeamId = null,
    string? TeamName = null);
