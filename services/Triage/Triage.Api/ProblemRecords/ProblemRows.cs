using Triage.Domain.Knowledge;

namespace Triage.Api.ProblemRecords;

/// <summary>A problem record: what its cases share, where it stands in its lifecycle, and each step it took.</summary>
public sealed class ProblemRow
{
    public required string TenantId { get; init; }

    public required Guid Id { get; init; }

    public required string Title { get; set; }

    /// <summary>What the cases share, in words.</summary>
    public required string Shared { get; init; }

    public required PatternKind Kind { get; init; }

    /// <summary>The shared key (an error signature, a release, a product area), as pattern detection compares it.</summary>
    public required string KeyValue { get; init; }

    public required ProblemStatus Status { get; set; }

    public string? FixedIn { get; set; }

    /// <summary>Where its first case happened, for the changes made shortly before it.</summary>
    public string? ProductArea { get; init; }

    public string? Release { get; init; }

    /// <summary>When its first case was submitted.</summary>
    public required DateTime FirstSeenAt { get; init; }

    public required DateTime RaisedAt { get; init; }

    public required DateTime UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>Its steps, oldest first (a JSON column).</summary>
    public required List<ProblemStepRow> History { get; init; }

    public ProblemKeyed Keyed() => new(Id, TenantId, new PatternKey(Kind, KeyValue), Status);
}

/// <summary>One step of a problem: raised, or moved to a status by someone, with their note.</summary>
public sealed class ProblemStepRow
{
    public required DateTime At { get; init; }

    public required ProblemStatus Status { get; init; }

    public required string By { get; init; }

    public string? Note { get; init; }

    public bool CustomersTold { get; init; }
}

/// <summary>A case linked to a problem.</summary>
public sealed class ProblemCaseRow
{
    public required string TenantId { get; init; }

    public required Guid ProblemId { get; init; }

    public required Guid EscalationId { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public required DateTime SubmittedAt { get; init; }

    public required DateTime LinkedAt { get; init; }
}

/// <summary>A submitted escalation as pattern detection keeps it (<see cref="Occurrence"/>): what it could share with others.</summary>
public sealed class CaseOccurrenceRow
{
    public required string TenantId { get; init; }

    public required Guid EscalationId { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public required DateTime At { get; init; }

    public string? Signature { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ProductArea { get; init; }

    public string? Release { get; init; }

    public Occurrence Occurrence() => new(EscalationId, TenantId, new DateTimeOffset(At, TimeSpan.Zero), Signature, ProductArea, Release);
}
