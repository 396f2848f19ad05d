using EscalationPlatform.Contracts;

namespace Intake.Api.Records;

/// <summary>One decision in an escalation's history: who (a person, a service or a partner), when, what and why.
/// Append-only: entries are added, never changed; the id (a database sequence) orders them.</summary>
public sealed class TimelineEntry
{
    public long Id { get; init; }

    public required Guid EscalationId { get; init; }

    public required DateTime At { get; init; }

    /// <summary>A person, a service or a partner: kind, id and name in columns of their own.</summary>
    public required Actor Actor { get; init; }

    /// <summary>What happened, as a kebab-case verb phrase: submitted, assessed, offered, acknowledged, ...</summary>
    public required string What { get; init; }

    public EscalationStatus? FromStatus { get; init; }

    public EscalationStatus? ToStatus { get; init; }

    /// <summary>The specifics: the rules that fired, the text of an action, who the offer went to.</summary>
    public string? Detail { get; init; }

    /// <summary>Why: the rule or the reason given.</summary>
    public string? Reason { get; init; }

    /// <summary>The team that owned the case after this entry (null before it was offered, and on entries recorded before
    /// teams were kept with them): how insights knows which team received a handoff.</summary>
    public string? TeamId { get; init; }

    public string? TeamName { get; init; }
}
