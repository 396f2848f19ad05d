namespace Intake.Api.Records;

/// <summary>One decision in an escalation's history: who (a person, a service or a partner), when, what and why.
/// Append-only: entries are added, never changed; the id (a database sequence) orders them.</summary>
public sealed class TimelineEntry
{
    public long Id { get; init; }

    public required Guid EscalationId { get; init; }

    public required DateTime At { get; init; }

    /// <summary>person, service or partner.</summary>
    public required string ActorKind { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    /// <summary>What happened, as a kebab-case verb phrase: submitted, assessed, offered, acknowledged, ...</summary>
    public required string What { get; init; }

    public string? FromStatus { get; init; }

    public string? ToStatus { get; init; }

    /// <summary>The specifics: the rules that fired, the text of an action, who the offer went to.</summary>
    public string? Detail { get; init; }

    /// <summary>Why: the rule or the reason given.</summary>
    public string? Reason { get; init; }
}
